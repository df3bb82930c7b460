//! Stored text the page's fast typed pass does not take (a plan stored by
//! an older version, damaged data, a field this version does not know) is
//! restored item by item in the worker (`ui::worker::plans::restore`) and
//! judged by `store::finish` exactly as a thorough reading would judge it;
//! the page's wasm carries no code of that restore.

use crate::store::{self, local, Loaded, Seen};
use crate::ui::worker::plans::restore;

/// `loaded`, with text the fast pass left unread judged from the worker's
/// restore. Fails only when the worker does not answer.
pub async fn finished(loaded: Loaded) -> Result<Loaded, String> {
    match loaded {
        Loaded::Unread(unread) => {
            let restored = restore(&unread.raw).await?;
            Ok(store::finish(unread, restored))
        }
        other => Ok(other),
    }
}

/// What storage holds under `key` now, read whole, and how it was seen.
pub async fn read_whole(key: &str) -> Result<(Loaded, Seen), String> {
    let (loaded, seen) = local::repo().stored(key).map_err(|e| e.to_string())?;
    Ok((finished(loaded).await?, seen))
}

/// What the page says while the worker reads the plan to show.
pub const READING: &str = "正在检查本机保存的数据……";

/// What the page says when the worker could not read the plan to show.
pub fn failure_message(why: &str) -> String {
    format!(
        "本机保存的数据需要由后台组件检查，但未能完成：{why}。数据没有任何改动，本窗口也不会保存；请刷新页面重试。"
    )
}
