### Server-only sentences of the shared model, the errors and the server: formatted on the
### server, in the language of the page (or of the request), never by the browser's own code.

## Errors: what was not found. Lowercase and without a full stop, like every error.

error-not-found-integration = その連携が見つかりません
# $slug: the app's name as the address spells it.
error-not-found-app = 連携「{ $slug }」が見つかりません
error-not-found-configuration = その構成が見つかりません
error-not-found-field = そのフィールドが見つかりません
error-not-found-run = その実行が見つかりません

## Identifiers in addresses and requests. $what says which: customer (the account's id),
## app (its name in the address), configuration (a named configuration's name) or field.

validation-identifier-required =
    { $what ->
        [customer] 顧客IDは必須です
        [configuration] 構成名は必須です
        [field] フィールドIDは必須です
       *[app] アプリ名は必須です
    }
# $max: a number of characters.
validation-identifier-too-long =
    { $what ->
        [customer] 顧客IDは{ $max }文字以内で指定してください
        [configuration] 構成名は{ $max }文字以内で指定してください
        [field] フィールドIDは{ $max }文字以内で指定してください
       *[app] アプリ名は{ $max }文字以内で指定してください
    }
# $character: the character, quoted ('/').
validation-identifier-character =
    { $what ->
        [customer] 顧客IDに{ $character }は使用できません
        [configuration] 構成名に{ $character }は使用できません
        [field] フィールドIDに{ $character }は使用できません
       *[app] アプリ名に{ $character }は使用できません
    }
validation-identifier-dot =
    { $what ->
        [customer] 顧客IDの先頭にドットは使用できません
       *[configuration] 構成名の先頭にドットは使用できません
    }
validation-slug-lowercase = アドレス内のアプリ名は小文字で指定してください

## The sign-up form.

validation-name-required = 名前を入力してください。
# $max: a number of characters.
validation-name-too-long = 名前は{ $max }文字以内で入力してください。
validation-name-control = 名前に制御文字は使用できません。
validation-email-required = メールアドレスを入力してください。
validation-email-invalid = 有効なメールアドレスを入力してください（例：name@example.com）。

## The configuration form, checked on the server.

validation-form-too-many = フォームの値が多すぎます
# $field: the field's name in the form.
validation-value-too-large = フィールド「{ $field }」の値が大きすぎます
# A row of a mapping setting. $label: the row; $field: the setting.
validation-map-option = 「{ $field }」の「{ $label }」は選択肢から選択してください。
# $label: the field's name; $min: a number, written as the language writes decimals.
validation-at-least = 「{ $label }」には{ $min }以上の値を入力してください。
# $label: the field's name; $max: a number, written as the language writes decimals.
validation-at-most = 「{ $label }」には{ $max }以下の値を入力してください。
validation-config-name-taken = この名前はデフォルトの構成で使用されています。別の名前を指定してください。
# $max: how many named configurations an app may have.
validation-config-limit = 1つのアプリに作成できる名前付きの構成は最大{ $max }個です。先にいずれかを削除してください。
# Shown as a field's problem when its choices could not be fetched.
config-form-options-unavailable = 選択肢を読み込めませんでした。しばらくしてからもう一度お試しください。

## Workflow runs (Retry, Stop). Lowercase, without a full stop: error sentences.

validation-run-not-failed = 再試行できるのは失敗した実行のみです
validation-run-ended = 実行はすでに終了しています

## An app's credentials form.

# $app: the app's name.
connect-form-not-accepted = { $app }でこの認証情報が受け付けられませんでした。

## Why the user's role (given by the host app) does not allow a change. Without a full stop:
## they are also error sentences; role-refusal-sentence makes one a sentence of its own.

role-member-disconnect = アプリの接続を解除できるのは、アカウントの管理者のみです
role-viewer-connect = 閲覧者ロールでは、このアプリを表示できますが、接続できるのはアカウントの管理者またはメンバーのみです
role-viewer-configure = 閲覧者ロールでは、これらの設定を表示できますが、変更できるのはアカウントの管理者またはメンバーのみです
role-viewer-disconnect = 閲覧者ロールでは、この接続を表示できますが、接続を解除できるのはアカウントの管理者のみです
role-viewer-run = 閲覧者ロールでは、これらの実行を表示できますが、再試行や停止ができるのはアカウントの管理者またはメンバーのみです
# $reason: one of the role-* sentences above.
role-refusal-sentence = { $reason }。

## A workflow run's status (Activity).

status-run-completed = 完了
status-run-running = 実行中
status-run-stopping = 停止中
status-run-failed = 失敗
status-run-timed-out = タイムアウト
status-run-stopped = 停止済み
status-run-unknown = 不明

# A connected account for which the provider gives no name.
status-account-unnamed = アカウント

## The marketplace's status filter, and its banner.

filter-status-all = すべて
filter-status-connected = 接続済み
filter-status-attention = 要対応
filter-status-available = 未接続
# A link to the apps that need attention (expired, setup unfinished, last run failed).
# Japanese has no plural forms: one plain message.
filter-attention = 対応が必要な連携が{ $count }件あります

## A marketplace card.

# The app's logo. $app: the app's name.
card-logo-alt = { $app }のロゴ
# The list of the app's categories.
card-categories = カテゴリ
card-last-run-failed = 前回の実行に失敗しました
# $time: when the last run started, relative ("5 minutes ago", a time-* message).
card-last-run = 前回の実行：{ $time }

## The host platform's frame around the tab.

# $name: the signed-in user's name.
header-signed-in-as = { $name }としてサインイン中
header-sign-out = サインアウト
# The platform's settings tabs.
header-tabs = 設定
header-tab-overview = 概要
header-tab-integrations = 連携
header-tab-billing = 請求

## Times relative to now. $count: a whole number.

time-just-now = たった今
time-minutes-ago = { $count }分前
time-hours-ago = { $count }時間前
time-days-ago = { $count }日前
time-months-ago = { $count }か月前
time-years-ago = { $count }年前

## How long a run took, in short units.

time-duration-seconds = { $seconds }秒
time-duration-minutes = { $minutes }分
time-duration-hours = { $hours }時間{ $minutes }分

## A day. $day and $month_number are numbers, $month the month's date-month-* name and
## $year its four digits: "2. { $month } { $year }", "{ $year }年{ $month_number }月{ $day }日".
## Here: "2026年12月2日", with the month's name ("12月") as $month.

date-day = { $year }年{ $month }{ $day }日
date-time = { $date } { $time } UTC
date-month-1 = 1月
date-month-2 = 2月
date-month-3 = 3月
date-month-4 = 4月
date-month-5 = 5月
date-month-6 = 6月
date-month-7 = 7月
date-month-8 = 8月
date-month-9 = 9月
date-month-10 = 10月
date-month-11 = 11月
date-month-12 = 12月

## Live updates refused (the response to the page's event stream).

# $count: how many tabs of the account already follow live updates.
refused-live-tabs = このアカウントのライブ更新はすでに{ $count }個のタブで開かれています。ここで変更を確認するには、いずれかのタブを閉じてください
refused-live-full = 現在ライブ更新を利用できません。サーバーの同時接続数が上限に達しています

## Why the host app's sign-in link (an embed token) was refused, on the page that says so.
## Lowercase, without a full stop. Names in the token (exp, nbf, iat, aud, HS256,
## EMBED_SECRET, the claims) are the host developer's: keep them.

embed-error-missing = リンクにトークンがありません。ご利用のアカウントから、もう一度「連携」タブを開いてください
embed-error-not-configured = このサーバーでは埋め込みが設定されていません（EMBED_SECRETが未設定です）
embed-error-malformed = トークンの形式が正しくありません
embed-error-algorithm = トークンはHS256で署名されている必要があります
embed-error-signature = トークンの署名が無効です
embed-error-expired = トークンの有効期限が切れています。ご利用のアカウントから、もう一度「連携」タブを開いてください
# $minutes: the longest a token may live.
embed-error-too-long = トークンの有効期間が長すぎます：expに指定できるのは最大{ $minutes }分後までです
embed-error-not-yet-valid = トークンはまだ有効ではありません（nbfまたはiatが未来の時刻です）
embed-error-audience = このトークンは別のサービス向けです（aud）
embed-error-replayed = このサインインリンクはすでに使用されています。ご利用のアカウントから、もう一度「連携」タブを開いてください
embed-error-context = 「連携」タブはホストアプリから開く必要があります
embed-error-busy = 現在サインインが集中しています。1分ほど待ってからもう一度お試しください
embed-error-claim-iat = トークンのクレームが無効です：iat：必須です
embed-error-claim-jti = トークンのクレームが無効です：jti：1～128文字で指定してください（必須）
# $problem: what is wrong with the customer id (a validation-identifier-* sentence).
embed-error-claim-sub = トークンのクレームが無効です：sub：{ $problem }
embed-error-claim-name = トークンのクレームが無効です：name：100文字以内で指定してください
# $problem: what is wrong with the address (a validation-email-* sentence).
embed-error-claim-email = トークンのクレームが無効です：email：{ $problem }
embed-error-claim-role = トークンのクレームが無効です：role：admin、member、viewerのいずれかを指定してください
embed-error-claim-theme = トークンのクレームが無効です：theme：lightまたはdarkを指定してください
embed-error-claim-brand = トークンのクレームが無効です：brand：#rgbまたは#rrggbbで指定してください
embed-error-claim-locale = トークンのクレームが無効です：locale：deやja-JPなどの言語タグを指定してください
# $seconds: the shortest session a token may ask for.
embed-error-claim-session-ttl = トークンのクレームが無効です：session_ttl：{ $seconds }秒以上を指定してください

## The language switcher at the foot of each page.

# The label of the list of languages (each shown in its own language).
language-label = 言語
# The button that reloads the page in the chosen language.
language-apply = 変更
