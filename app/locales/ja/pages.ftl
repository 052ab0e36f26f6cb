### The pages, rendered on the server only: none of these messages reaches the islands.

## The marketplace (/integrations)

integrations-page-title = 連携
integrations-page-heading = 連携
integrations-page-lead = チームで使っているツールを接続できます。
# The list of placeholder cards shown while the catalog loads (read by screen readers).
integrations-page-loading = アプリを読み込んでいます

## An app's page (/integrations/{slug})

integration-breadcrumb = パンくずリスト
integration-breadcrumb-integrations = 連携
integration-unavailable-title = この連携は利用できません
integration-back = 連携一覧に戻る
integration-no-address = この連携にはアドレスがありません。
# The alt text of the app's logo. $app: the app's name.
integration-logo = { $app }のロゴ
# The label of the list of the app's categories.
integration-categories = カテゴリ
integration-config-saved = 構成を保存しました。
integration-config-created = 構成を作成しました。
integration-config-reset = 構成をアプリのデフォルトに戻しました。
integration-config-deleted = 構成を削除しました。
# After a named configuration was refused its name. The characters listed are the ones allowed, as typed.
integration-config-bad-name = 構成名に使用できるのは半角英字、数字、- _ . @ : です（最大64文字）。
integration-config-unavailable = 連携サービスを利用できないため、何も変更されていません。しばらくしてからもう一度お試しください。
# The banners after coming back from a connection. $app: the app's name.
integration-connected = { $app }に接続しました。
integration-connect-incomplete = { $app }への接続が完了しませんでした。もう一度お試しください。
integration-connect-unavailable = 連携サービスを利用できないため、{ $app }への接続を開始できませんでした。しばらくしてからもう一度お試しください。
integration-connect-denied = { $app }にアクセスが許可されなかったため、接続をキャンセルしました。
integration-disconnected = { $app }の接続を解除しました。
integration-disconnect-incomplete = 接続の解除が完了しなかったため、{ $app }は接続されたままです。もう一度お試しください。
integration-connection-heading = 接続
# How an account signs in to the app: with OAuth or with an API key.
integration-auth-oauth = OAuth
integration-auth-key = APIキー
# The label of the refused Connect and Reconnect buttons (a role that may not connect). $app: the app's name.
integration-connect-app = { $app }に接続
integration-reconnect-app = { $app }に再接続
# The label of the refused Disconnect button. $app: the app's name.
integration-disconnect-app = { $app }の接続を解除
# The table of the app's connected accounts.
integration-accounts-caption = 接続済みのアカウント
integration-accounts-account = アカウント
integration-accounts-auth = 認証方式
integration-accounts-connected = 接続日時
integration-accounts-status = ステータス
# A connected account's status, in its badge.
integration-account-active = 有効
integration-account-expired = 期限切れ

## The connection history of an app's page

history-link = 接続履歴
history-heading = 接続履歴
# $error: why, as a sentence fragment ending without a full stop.
history-failed = 接続履歴を読み込めませんでした：{ $error }。
history-empty = 過去30日間、この接続での操作はありません。
history-footer = 新しい順に表示（過去30日間）。
# After the event's time (when there is one): who did it. $name: the user's name.
history-by = {" "}· 操作者：{ $name }
# The events of the history, one a line.
history-connected = 接続
history-reconnected = 再接続
# $reason: what the provider said, in its own words.
history-expired-because = 接続の期限切れ：{ $reason }
history-expired = 接続の期限切れ
history-disconnected = 接続解除
history-settings-saved = 設定の保存
history-settings-deleted = 設定の削除
# $workflow: the workflow's name.
history-workflow-enabled = ワークフローの有効化：{ $workflow }
history-workflow-enabled-unnamed = ワークフローの有効化
history-workflow-disabled = ワークフローの無効化：{ $workflow }
history-workflow-disabled-unnamed = ワークフローの無効化

## The configuration section of an app's page

configuration-heading = 構成
# The toggle of a workflow.
configuration-workflow-enabled = 有効
# $name: the configuration's name, as its user typed it.
configuration-delete-warning = 構成「{ $name }」を削除します。設定とワークフローの値も削除されます。
configuration-reset-warning = 保存済みの設定とワークフローの値を削除し、アプリのデフォルトに戻します。
configuration-settings = 設定
configuration-workflows = ワークフロー
configuration-save = 構成を保存
# The disclosures that ask before deleting, and the buttons inside them.
configuration-delete-ask = この構成を削除…
configuration-reset-ask = デフォルトに戻す…
configuration-delete = 構成を削除
configuration-reset = 構成をリセット
# The default configuration, in the list of the account's configurations of the app.
configuration-default = デフォルト
configuration-list = 構成一覧
configuration-new = 新しい構成
# An example of a configuration's name, as a placeholder: only the letters A to Z, digits and - _ . @ : are allowed.
configuration-new-placeholder = production
# The characters a configuration's name may use, listed as typed.
configuration-new-rule = 半角英字、数字、- _ . @ :
configuration-create = 作成
# The empty choice of a select that has no placeholder of its own.
configuration-choose = 選択してください
# The columns of a mapping field: the app's field, and the value it takes.
configuration-map-field = フィールド
configuration-map-to = マッピング先
configuration-map-none = マッピングなし
# $kind: the field's type, as Cobalt names it.
configuration-unknown-field = このフィールドの種類（{ $kind }）には、まだ編集機能がありません。値をテキストで入力してください。

## The Activity section of an app's page

activity-heading = アクティビティ
activity-retried = 再試行しました。こちらが新しい実行です。
activity-stopped = 実行を停止しました。
activity-unchanged = 何も行われませんでした。再試行できるのは失敗した実行のみ、停止できるのは実行中のもののみです。
activity-unavailable = 連携サービスを現在利用できないため、再試行も停止も行われませんでした。しばらくしてからもう一度お試しください。
# $error: why, as a sentence fragment ending without a full stop.
activity-runs-failed = 実行履歴を読み込めませんでした：{ $error }。
activity-run-failed = その実行を開けませんでした：{ $error }。
# The label of the status filter, and its choices.
activity-filter-show = 表示
activity-filter-all = すべて
activity-filter-failed = 失敗
activity-filter-running = 実行中
activity-filter-completed = 完了
activity-filter-stopped = 停止済み
activity-filter-apply = 適用
# A page past the last one; a link back to the first page follows.
activity-page-empty = このページに実行はありません。
activity-page-first = 最新の実行に戻る
# $app: the app's name.
activity-none = { $app }のワークフローはまだ実行されていません。
activity-none-filtered = このフィルターに一致する実行はありません。
# In the Duration column, for a run not finished.
activity-duration-running = 実行中
activity-view-run = 実行を表示
# Read by screen readers right after "View run". $workflow: the workflow's name; $status: the run's status; $started: how long ago it started ("5 minutes ago").
activity-view-run-detail = ：{ $workflow }、{ $status }、{ $started }に開始
# The caption of the table of runs. $app: the app's name.
activity-runs-caption = { $app }のワークフロー実行（新しい順）
activity-column-status = ステータス
activity-column-workflow = ワークフロー
activity-column-trigger = トリガー
activity-column-started = 開始
activity-column-duration = 所要時間
activity-column-details = 詳細
activity-pages = 実行履歴のページ
activity-newer = 新しい実行
# $page: this page's number; $pages: how many there are.
activity-page = { $page }/{ $pages }ページ
activity-older = 古い実行
# A failed step of a run. $attempts: how many times it was tried; $message: what the provider said, in its own words.
activity-step-failed = { $attempts }回試行して失敗しました：{ $message }
activity-step-failed-silent = { $attempts }回試行して失敗しました：メッセージはありません
# What the page says while a retry or a stop is sent, and when it fails (read by /activity.js).
activity-retrying = 再試行中…
activity-stopping = 停止中…
activity-no-answer = 応答がありませんでした。ページを再読み込みして、処理が完了したかどうかを確認してください。
activity-refused = 拒否されたため、何も行われませんでした。ページを再読み込みして、実行の現在の状態を確認してください。
activity-retry = 実行を再試行
activity-stop = 実行を停止
# The heading of an opened run. $workflow: the workflow's name; $status: the run's status.
activity-run-heading = { $workflow }：{ $status }
# Between the run's status badge and the time it started ("5 minutes ago").
activity-run-started = {" "}開始：
activity-steps = ステップ
activity-close = 実行を閉じる

## /integrations/{slug}/disconnect, the confirmation without JavaScript ($app: the app's name)

disconnect-page-not-connected = { $app }は接続されていません
disconnect-page-nothing = 解除する接続はありません。
disconnect-page-back = { $app }に戻る
# The heading when the user's role may not disconnect.
disconnect-page-stays = { $app }は接続されたままです
disconnect-page-title = { $app }の接続を解除しますか？
disconnect-page-unavailable = 連携サービスを現在利用できないため、接続は解除されていません。しばらくしてからもう一度お試しください。
disconnect-page-cancel = キャンセル
disconnect-page-confirm = { $app }の接続を解除

## The pages of the hand-off from the host app (/embed/…)

# Why the sign-in link was refused, when the server gave no reason.
embed-incomplete = リンクが不完全です
embed-refused-title = 連携を開けません
embed-refused-heading = 連携を開けませんでした
# $reason: why, as a sentence fragment ending without a full stop.
embed-refused = サインインリンクが拒否されました：{ $reason }。
embed-refused-advice = 元のアプリに戻り、もう一度「連携」タブを開いてください。
# Another account is signed in. $current: the name of the one signed in; $next: the name the link signs in as.
embed-switch-title = アカウントを切り替えますか？
embed-switch-heading = { $next }として続行しますか？
embed-switch-current = 現在、{ $current }として「連携」タブにサインインしています。
embed-switch-warning = 開いたリンクでは{ $next }としてサインインします。ご自身のアカウントである場合のみ続行してください。接続したアプリはそのアカウントのものになります。
embed-switch-continue = { $next }として続行
embed-switch-stay = { $current }のまま続行
embed-ended-heading = セッションが終了しました
embed-ended = もう一度「連携」タブを開くと、中断したところから続けられます。
embed-cookies-heading = ブラウザがサインインをブロックしました
embed-cookies = このタブでは、このページ内でのみ有効なCookieを使ってサインイン状態を保持していますが、お使いのブラウザは他のサイトに埋め込まれたページのCookieをブロックしています。ブラウザの設定でこのサイトのサードパーティCookieを許可してから、ページを再読み込みしてください。

## The 404 page

not-found-title = ページが見つかりません
not-found-heading = ページが見つかりません
not-found-body = このアドレスには何もありません。
not-found-back = 連携一覧に戻る

## /signed-out

signed-out-title = サインアウトしました
signed-out-heading = サインアウトしました
# $platform: the name of the host app.
signed-out-body = 続行するには、{ $platform }のアカウントから「連携」タブを開いてください。

## /signup

signup-title = アカウントを作成
# $platform: the name of the host app.
signup-heading = { $platform }へようこそ
signup-lead = アカウントを作成して、チームで使っているツールを接続しましょう。
signup-name = 名前
signup-email = 仕事用のメールアドレス
signup-submit = アカウントを作成

## Answers of the server outside a page

server-signup-expired = このフォームの有効期限が切れました。入力内容を確認して、もう一度送信してください。
server-signup-unavailable = 連携サービスから応答がなかったため、アカウントを作成できませんでした。何も保存されていません。もう一度お試しください。
# Plain-text answers to a link or a form that leads nowhere.
server-config-missing = その構成は存在しません。
server-run-missing = その実行は存在しません。
# $seconds: how long to wait.
server-too-many-requests = リクエストが多すぎます。{ $seconds }秒待ってからもう一度お試しください。
# A link back from a consent page that names no app of the user's, or no page of the host.
server-back-refused = このリンクからは、ご利用中のアプリに戻れません
# Why the host app's link was refused, shown after "The sign-in link was refused:".
server-embed-unavailable = 連携サービスから応答がありませんでした。もう一度お試しください
# Sent to the host app when its fresh token belongs to another user.
server-embed-other-user = トークンが別のユーザーのものです。もう一度「連携」タブを開いてください
