//! A date field bound to a signal, reading only `YYYY-MM-DD`; a date that
//! is not one is reported under the field rather than guessed.

use crate::model::date::{format_date, parse_date};
use crate::model::validate::FieldError;
use chrono::NaiveDate;
use leptos::prelude::*;

/// `<input type="date">` for `value`; a bad date goes to `errors` as `name`.
pub fn date_input(
    value: RwSignal<Option<NaiveDate>>,
    name: &'static str,
    testid: &'static str,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    view! {
        <input type="date" data-testid=testid
            prop:value=move || value.get().map(format_date).unwrap_or_default()
            on:change=move |e| {
                let text = event_target_value(&e);
                errors.update(|es| es.retain(|x| x.field != name));
                match text.trim() {
                    "" => value.set(None),
                    t => match parse_date(t) {
                        Ok(d) => value.set(Some(d)),
                        Err(err) => errors.update(|es| es.push(FieldError { field: name.into(), message: err.to_string() })),
                    },
                }
            } />
    }
}

/// The date or a message saying it is missing, as the field `name`.
pub fn required(
    value: Option<NaiveDate>,
    name: &str,
    what: &str,
) -> Result<NaiveDate, Vec<FieldError>> {
    value.ok_or_else(|| {
        vec![FieldError {
            field: name.into(),
            message: format!("请填写{what}"),
        }]
    })
}
