### Server-only sentences of the shared model, the errors and the server: formatted on the
### server, in the language of the page (or of the request), never by the browser's own code.

## Errors: what was not found. Lowercase and without a full stop, like every error.

error-not-found-integration = no se ha encontrado esa integración
# $slug: the app's name as the address spells it.
error-not-found-app = no se ha encontrado la integración «{ $slug }»
error-not-found-configuration = no se ha encontrado esa configuración
error-not-found-field = no se ha encontrado ese campo
error-not-found-run = no se ha encontrado esa ejecución

## Identifiers in addresses and requests. $what says which: customer (the account's id),
## app (its name in the address), configuration (a named configuration's name) or field.

validation-identifier-required =
    { $what ->
        [customer] el ID de cliente es obligatorio
        [configuration] el nombre de la configuración es obligatorio
        [field] el ID del campo es obligatorio
       *[app] la aplicación es obligatoria
    }
# $max: a number of characters.
validation-identifier-too-long =
    { $what ->
        [customer] el ID de cliente no puede tener más de { $max } caracteres
        [configuration] el nombre de la configuración no puede tener más de { $max } caracteres
        [field] el ID del campo no puede tener más de { $max } caracteres
       *[app] el nombre de la aplicación no puede tener más de { $max } caracteres
    }
# $character: the character, quoted ('/').
validation-identifier-character =
    { $what ->
        [customer] el ID de cliente no puede contener { $character }
        [configuration] el nombre de la configuración no puede contener { $character }
        [field] el ID del campo no puede contener { $character }
       *[app] el nombre de la aplicación no puede contener { $character }
    }
validation-identifier-dot =
    { $what ->
        [customer] el ID de cliente no puede empezar por un punto
       *[configuration] el nombre de la configuración no puede empezar por un punto
    }
validation-slug-lowercase = el nombre de la aplicación en la dirección debe estar en minúsculas

## The sign-up form.

validation-name-required = Introduce tu nombre.
# $max: a number of characters.
validation-name-too-long = Tu nombre no puede tener más de { $max } caracteres.
validation-name-control = Tu nombre no puede contener caracteres de control.
validation-email-required = Introduce tu dirección de correo electrónico.
validation-email-invalid = Introduce una dirección de correo electrónico válida, como nombre@example.com.

## The configuration form, checked on the server.

validation-form-too-many = el formulario tiene demasiados valores
# $field: the field's name in the form.
validation-value-too-large = el valor del campo { $field } es demasiado grande
# A row of a mapping setting. $label: the row; $field: the setting.
validation-map-option = Selecciona una de las opciones para { $label } en el campo { $field }.
# $label: the field's name; $min: a number, written as the language writes decimals.
validation-at-least = El valor del campo { $label } debe ser como mínimo { $min }.
# $label: the field's name; $max: a number, written as the language writes decimals.
validation-at-most = El valor del campo { $label } debe ser como máximo { $max }.
validation-config-name-taken = Ese nombre ya lo usa la configuración predeterminada; elige otro.
# $max: how many named configurations an app may have.
validation-config-limit = Una aplicación puede tener como máximo { $max } configuraciones con nombre; elimina una primero.
# Shown as a field's problem when its choices could not be fetched.
config-form-options-unavailable = No se han podido cargar sus opciones; vuelve a intentarlo dentro de un momento.

## Workflow runs (Retry, Stop). Lowercase, without a full stop: error sentences.

validation-run-not-failed = solo se puede reintentar una ejecución fallida
validation-run-ended = la ejecución ya había finalizado

## An app's credentials form.

# $app: the app's name.
connect-form-not-accepted = { $app } no ha aceptado estas credenciales.

## Why the user's role (given by the host app) does not allow a change. Without a full stop:
## they are also error sentences; role-refusal-sentence makes one a sentence of its own.

role-member-disconnect = Solo un administrador de tu cuenta puede desconectar una aplicación
role-viewer-connect = Tienes el rol de lector: puedes ver esta aplicación, pero solo un administrador o un miembro de tu cuenta puede conectarla
role-viewer-configure = Tienes el rol de lector: puedes ver estos ajustes, pero solo un administrador o un miembro de tu cuenta puede cambiarlos
role-viewer-disconnect = Tienes el rol de lector: puedes ver esta conexión, pero solo un administrador de tu cuenta puede desconectarla
role-viewer-run = Tienes el rol de lector: puedes ver estas ejecuciones, pero solo un administrador o un miembro de tu cuenta puede reintentarlas o detenerlas
# $reason: one of the role-* sentences above.
role-refusal-sentence = { $reason }.

## A workflow run's status (Activity).

status-run-completed = Completada
status-run-running = En curso
status-run-stopping = Deteniéndose
status-run-failed = Fallida
status-run-timed-out = Tiempo agotado
status-run-stopped = Detenida
status-run-unknown = Desconocida

# A connected account for which the provider gives no name.
status-account-unnamed = Cuenta

## The marketplace's status filter, and its banner.

filter-status-all = Todas
filter-status-connected = Conectadas
filter-status-attention = Requieren atención
filter-status-available = Disponibles
# A link to the apps that need attention (expired, setup unfinished, last run failed).
filter-attention =
    { $count ->
        [one] { $count } integración requiere atención
       *[other] { $count } integraciones requieren atención
    }

## A marketplace card.

# The app's logo. $app: the app's name.
card-logo-alt = Logotipo de { $app }
# The list of the app's categories.
card-categories = Categorías
card-last-run-failed = Última ejecución fallida
# $time: when the last run started, relative ("5 minutes ago", a time-* message).
card-last-run = Última ejecución: { $time }

## The host platform's frame around the tab.

# $name: the signed-in user's name.
header-signed-in-as = Sesión iniciada como { $name }
header-sign-out = Cerrar sesión
# The platform's settings tabs.
header-tabs = Ajustes
header-tab-overview = Resumen
header-tab-integrations = Integraciones
header-tab-billing = Facturación

## Times relative to now. $count: a whole number.

time-just-now = ahora mismo
time-minutes-ago =
    { $count ->
        [one] hace { $count } minuto
       *[other] hace { $count } minutos
    }
time-hours-ago =
    { $count ->
        [one] hace { $count } hora
       *[other] hace { $count } horas
    }
time-days-ago =
    { $count ->
        [one] hace { $count } día
       *[other] hace { $count } días
    }
time-months-ago =
    { $count ->
        [one] hace { $count } mes
       *[other] hace { $count } meses
    }
time-years-ago =
    { $count ->
        [one] hace { $count } año
       *[other] hace { $count } años
    }

## How long a run took, in short units.

time-duration-seconds = { $seconds } s
time-duration-minutes = { $minutes } min
time-duration-hours = { $hours } h { $minutes } min

## A day. $day and $month_number are numbers, $month the month's date-month-* name and
## $year its four digits: "2. { $month } { $year }", "{ $year }年{ $month_number }月{ $day }日".

date-day = { $day } { $month } { $year }
date-time = { $date }, { $time } UTC
date-month-1 = ene
date-month-2 = feb
date-month-3 = mar
date-month-4 = abr
date-month-5 = may
date-month-6 = jun
date-month-7 = jul
date-month-8 = ago
date-month-9 = sept
date-month-10 = oct
date-month-11 = nov
date-month-12 = dic

## Live updates refused (the response to the page's event stream).

# $count: how many tabs of the account already follow live updates.
refused-live-tabs =
    { $count ->
        [one] las actualizaciones en tiempo real ya están activas en { $count } pestaña de esta cuenta; ciérrala para seguir los cambios aquí
       *[other] las actualizaciones en tiempo real ya están activas en { $count } pestañas de esta cuenta; cierra una para seguir los cambios aquí
    }
refused-live-full = las actualizaciones en tiempo real no están disponibles en este momento: el servidor tiene demasiadas conexiones abiertas

## Why the host app's sign-in link (an embed token) was refused, on the page that says so.
## Lowercase, without a full stop. Names in the token (exp, nbf, iat, aud, HS256,
## EMBED_SECRET, the claims) are the host developer's: keep them.

embed-error-missing = el enlace no tiene token; abre de nuevo la pestaña Integraciones desde tu cuenta
embed-error-not-configured = la inserción no está configurada en este servidor (EMBED_SECRET no está definido)
embed-error-malformed = el token tiene un formato incorrecto
embed-error-algorithm = el token debe estar firmado con HS256
embed-error-signature = la firma del token no es válida
embed-error-expired = el token ha caducado; abre de nuevo la pestaña Integraciones desde tu cuenta
# $minutes: the longest a token may live.
embed-error-too-long = la vigencia del token es demasiado larga: exp no puede estar más de { $minutes } minutos en el futuro
embed-error-not-yet-valid = el token aún no es válido (nbf o iat está en el futuro)
embed-error-audience = el token está destinado a otro servicio (aud)
embed-error-replayed = este enlace de inicio de sesión ya se ha usado; abre de nuevo la pestaña Integraciones desde tu cuenta
embed-error-context = la pestaña Integraciones debe abrirse desde la aplicación en la que está integrada
embed-error-busy = hay demasiados inicios de sesión en este momento; vuelve a intentarlo dentro de un minuto
embed-error-claim-iat = los claims del token no son válidos: iat: obligatorio
embed-error-claim-jti = los claims del token no son válidos: jti: de 1 a 128 caracteres, obligatorio
# $problem: what is wrong with the customer id (a validation-identifier-* sentence).
embed-error-claim-sub = los claims del token no son válidos: sub: { $problem }
embed-error-claim-name = los claims del token no son válidos: name: 100 caracteres como máximo
# $problem: what is wrong with the address (a validation-email-* sentence).
embed-error-claim-email = los claims del token no son válidos: email: { $problem }
embed-error-claim-role = los claims del token no son válidos: role: admin, member o viewer
embed-error-claim-theme = los claims del token no son válidos: theme: light o dark
embed-error-claim-brand = los claims del token no son válidos: brand: #rgb o #rrggbb
embed-error-claim-locale = los claims del token no son válidos: locale: una etiqueta de idioma como de o ja-JP
# $seconds: the shortest session a token may ask for.
embed-error-claim-session-ttl = los claims del token no son válidos: session_ttl: { $seconds } segundos como mínimo

## The language switcher at the foot of each page.

# The label of the list of languages (each shown in its own language).
language-label = Idioma
# The button that reloads the page in the chosen language.
language-apply = Cambiar
