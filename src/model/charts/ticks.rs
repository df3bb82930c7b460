//! Nice axis ticks: 0 to a round maximum in 1, 2 or 5 × 10ⁿ steps.

/// Ticks from 0 covering `max` in at most about `count` steps of 1, 2 or 5
/// × 10ⁿ (whole numbers, since charts count work items); the last tick is
/// at least `max`. An empty or zero range gives `[0, 1]`.
pub fn nice_ticks(max: f64, count: usize) -> Vec<f64> {
    if !(max.is_finite() && max > 0.0) {
        return vec![0.0, 1.0];
    }
    let rough = max / count.max(1) as f64;
    let mag = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * mag)
        .max(1.0);
    let n = (max / step).ceil() as usize;
    (0..=n).map(|i| i as f64 * step).collect()
}

/// Maps `value` in `0..=max` onto `0..=length` (0 when `max` is 0).
pub fn scale(value: f64, max: f64, length: f64) -> f64 {
    if max > 0.0 {
        value / max * length
    } else {
        0.0
    }
}
