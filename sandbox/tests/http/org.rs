//! The org basics route.

use super::*;

#[tokio::test]
async fn org_basics_answer_for_a_session() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let (status, body) = send(sandbox.bearer(Method::GET, "/api/v3/org/basics", &token)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["org"]["_id"], sandbox::ORG_ID);
    assert_eq!(body["linked_account"]["account_id"], "user_1");
}
