### Sentences of the shared model and the errors that the islands show too: the browser reads
### them from the page's table (see app/src/i18n.rs), where each variable is filled in by plain
### replacement. A selector (plural) cannot be resolved there: the browser uses its default
### variant, so the server renders a plural sentence here for each count an island needs, and
### the default variant is only a fallback.

## Errors. Lowercase and without a full stop: they also end other sentences
## (config-form-not-saved).

error-unauthorized = セッションが終了しました。もう一度サインインしてください
error-forbidden = このサイトからのリクエストではないため、拒否されました
# $seconds: a whole number. The browser cannot choose a plural form: word it so that the
# number needs none.
error-rate-limited = リクエストが多すぎます。{ $seconds }秒待ってからもう一度お試しください
# $seconds: as in error-rate-limited.
error-busy = 連携サービスが混み合っています。{ $seconds }秒後にもう一度お試しください
error-upstream = 現在、連携サービスを利用できません。もう一度お試しください
error-internal = サーバー側で問題が発生しました
# $detail: the web framework's own account of the failure (English, technical).
error-request-failed = リクエストに失敗しました：{ $detail }

## What an app's page says of its connection; live updates change it in the browser.

status-connected = 接続済み
status-needs-setup = 接続済みです。同期を開始するには、下の設定を完了してください。
status-needs-reconnect = 接続の有効期限が切れました。同期を再開するには、再接続してください。
status-available = 未接続

## Announced to screen readers when an app's status changes elsewhere (another tab, the
## provider). $app: the app's name.

status-now-connected = { $app }が接続されました。
status-now-needs-setup = { $app }が接続されました。同期を開始するには、設定を完了してください。
status-now-needs-reconnect = { $app }の接続の有効期限が切れました。同期を再開するには、再接続してください。
status-now-disconnected = { $app }の接続が解除されました。

## An app's status badge (marketplace card, app page). An available app has none.

card-badge-connected = 接続済み
card-badge-setup = 要設定
card-badge-reconnect = 要再接続

## An app's main button (marketplace card, app page), then its accessible name, which says
## which app it acts on. $app: the app's name.

card-connect = 接続
# QuickBooks' branded button: use Intuit's wording for the language, if it has one.
card-connect-quickbooks = QuickBooksに接続
card-reconnect = 再接続
card-finish-setup = 設定を完了
card-manage = 管理
card-connect-app = { $app }に接続
card-reconnect-app = { $app }に再接続
card-finish-setup-app = { $app }の設定を完了
card-manage-app = { $app }を管理

## What is wrong with a form field, shown by the field as the user types and after a save.
## $label: the field's name, as the app labels it.

validation-required = 「{ $label }」は必須です。
validation-number = 「{ $label }」には数値を入力してください。
validation-email = 「{ $label }」にはメールアドレスを入力してください（例：name@example.com）。
validation-url = 「{ $label }」にはhttps://で始まるウェブアドレスを入力してください。
validation-date = 「{ $label }」には日付（YYYY-MM-DD）を入力してください。
# $error: the JSON reader's own account of the problem (English, technical).
validation-json = 「{ $label }」が有効なJSONではありません：{ $error }。
validation-option = 「{ $label }」は選択肢から選択してください。

## An app's credentials form: a required field left empty. $label: as above.

connect-form-choose = 「{ $label }」を選択してください。
connect-form-enter = 「{ $label }」を入力してください。

## The configuration form.

# A password field's placeholder when a value is stored (which is never shown).
config-form-secret-kept = 保存済み（空欄のままにすると変更されません）
# $error: why, one of the error sentences.
config-form-not-saved = 何も保存されていません：{ $error }。
# The form's alert after a refused save. $count: how many fields to fix (1 or more).
# Japanese has no plural forms: one plain message, which the browser can fill in too.
config-form-problems = 確認が必要なフィールドが{ $count }件あります。何も保存されていません。
