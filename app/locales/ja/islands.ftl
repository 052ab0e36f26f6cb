## The islands' sentences: the connect panel, the disconnect dialog, the marketplace's filters,
## the configuration editor, Retry, the live status and the theme switch. Every message here
## is also sent to the browser, where a selector cannot be resolved: sentences with a plural
## that the browser shows are rendered by the server for each count (see marketplace-count).
## $app is always an app's name, from Cobalt.

## Connecting an app, on its detail page.

connect-cancel = キャンセル
# The credentials form's button, for an app not connected yet.
connect-submit = { $app }に接続
# The credentials form's button, for an app whose connection expired.
connect-submit-reconnect = { $app }に再接続
# Heads the credentials form; required fields carry a * after their label.
connect-credentials-intro = { $app }アカウントの認証情報を入力してください。*の付いたフィールドは必須です。
# The empty first choice of a list that has no placeholder of its own.
connect-choose = 選択してください
# The Connect button while the attempt is under way.
connect-connecting = 接続中…
# A link that reloads the page, after the session ended.
connect-reload = ページを再読み込み
# The title (and text) of the consent window while Cobalt's page loads in it.
connect-popup-title = { $app }に接続しています…
connect-waiting-popup = { $app }の応答を待っています。開いたウィンドウで操作を完了してください。
# No window could be opened: the whole page goes to the provider's sign-in page.
connect-waiting-redirect = { $app }の応答を待っています。サインインページに移動しています…
connect-credentials-refused = { $app }でこの認証情報が受け付けられませんでした。
connect-cancelled = 接続をキャンセルしました。
# The consent window is closed after 5 minutes.
connect-timed-out = 承認ウィンドウが5分間開いたままだったため、接続をキャンセルしました。
connect-connected = { $app }に接続しました。

## Disconnecting an app: the summary, the link and the dialog that asks first.

disconnect-summary = { $app }の接続を解除すると、名前付きの構成を含むすべての構成が削除されます。後で再接続することもできますが、その場合、設定はデフォルトから始まります。
disconnect-workflows-unknown = 有効なワークフローの一覧を現在取得できませんが、これらのワークフローも停止します。
disconnect-workflows-none = デフォルトの構成で有効になっているワークフローはありません。
# Heads the list of the enabled workflows that stop ($count of them, at least one).
disconnect-workflows-list = 次の有効なワークフロー（デフォルトの構成）が停止します：
disconnect-open = 接続を解除…
disconnect-title = { $app }の接続を解除しますか？
disconnect-cancel = キャンセル
disconnect-confirm = { $app }の接続を解除
# The dialog's Disconnect button while the disconnect is under way.
disconnect-pending = 接続解除中…
# $reason: why, as the server says it (a phrase, starting in lower case).
disconnect-failed = 接続は解除されていません：{ $reason }。

## The marketplace: search, status filter, category chips and the app grid.

# The category chip that shows every category.
marketplace-all = すべて
marketplace-search-label = 連携を検索
marketplace-search-placeholder = 名前、説明、カテゴリ
# Heads the status filter's choices.
marketplace-status = ステータス
marketplace-apply = フィルターを適用
# The name of the row of category chips, for screen readers.
marketplace-categories = カテゴリ
# The name of the grid of app cards, for screen readers.
marketplace-apps = アプリ
# How many apps the filters show. The server renders it for every count the page may show.
# Japanese has no plural forms: one plain message.
marketplace-count = { $count }件のアプリ
marketplace-empty = フィルターに一致するアプリはありません。
marketplace-clear = フィルターをクリア

## The configuration editor, as it checks and saves the form.

# Asked before leaving the page (or following a link) with changes not saved.
config-editor-leave = この構成には保存されていない変更があります。保存せずにページを移動しますか？
config-editor-saved = 構成を保存しました。
# The Save button while the save is under way.
config-editor-saving = 保存中…
# Shown by a list whose choices are fetched; $reason is a sentence saying why they were not.
config-editor-options-failed = 選択肢を読み込めませんでした：{ $reason }
# $field: the label of a list whose choice was emptied because another field changed.
config-editor-cleared = 新しい選択内容に合わないため、「{ $field }」の選択をクリアしました。

## Retry, on a page that could not be loaded.

retry-label = 再試行
retry-pending = 再試行中…
# $reason: why, as the server says it (a phrase, starting in lower case).
retry-still-unavailable = まだ利用できません：{ $reason }。

## The detail page's live status: what to do after the connection changed in another tab.

live-connect = { $app }に接続
live-reconnect = { $app }に再接続
live-reload = ページを再読み込み

## The light/dark switch (a toggle button: pressed means dark).

theme-dark = ダークテーマ

## Why connecting failed, as Cobalt's browser library (cobalt-js) reports it.

cobalt-js-load-failed = Cobaltの接続ライブラリを読み込めませんでした。ネットワークを確認して、もう一度お試しください。
cobalt-js-session-expired = セッションの有効期限が切れました。続行するには、ページを再読み込みしてください。
cobalt-js-network = Cobaltに接続できませんでした。ネットワークを確認して、もう一度お試しください。
# $detail: what the browser or cobalt-js reported, in English or code terms.
cobalt-js-unexpected = 接続中にエラーが発生しました：{ $detail }
# Stands for $detail above when the browser said nothing.
cobalt-js-unknown-error = 不明なエラー
cobalt-js-too-many-requests = Cobaltへのリクエストが集中しています。しばらく待ってからもう一度お試しください。
cobalt-js-unavailable = 現在、Cobaltで問題が発生しています。しばらくしてからもう一度お試しください。
# $status: the HTTP status code Cobalt answered with.
cobalt-js-refused = Cobaltがリクエストを拒否しました（HTTP { $status }）。
