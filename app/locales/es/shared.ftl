### Sentences of the shared model and the errors that the islands show too: the browser reads
### them from the page's table (see app/src/i18n.rs), where each variable is filled in by plain
### replacement. A selector (plural) cannot be resolved there: the browser uses its default
### variant, so the server renders a plural sentence here for each count an island needs, and
### the default variant is only a fallback.

## Errors. Lowercase and without a full stop: they also end other sentences
## (config-form-not-saved).

error-unauthorized = tu sesión ha finalizado; vuelve a iniciar sesión
error-forbidden = se ha rechazado esta solicitud porque no procede de este sitio
# $seconds: a whole number. The browser cannot choose a plural form: word it so that the
# number needs none.
error-rate-limited = demasiadas solicitudes: espera { $seconds } s y vuelve a intentarlo
# $seconds: as in error-rate-limited.
error-busy = el servicio de integraciones está saturado: vuelve a intentarlo dentro de { $seconds } s
error-upstream = el servicio de integraciones no está disponible en este momento; vuelve a intentarlo
error-internal = algo ha fallado por nuestra parte
# $detail: the web framework's own account of the failure (English, technical).
error-request-failed = la solicitud ha fallado: { $detail }

## What an app's page says of its connection; live updates change it in the browser.

status-connected = Conectada
status-needs-setup = Conectada. Completa la configuración más abajo para empezar a sincronizar.
status-needs-reconnect = La conexión ha caducado: vuelve a conectar para reanudar la sincronización.
status-available = No conectada

## Announced to screen readers when an app's status changes elsewhere (another tab, the
## provider). $app: the app's name.

status-now-connected = Se ha conectado { $app }.
status-now-needs-setup = Se ha conectado { $app }: completa su configuración para empezar a sincronizar.
status-now-needs-reconnect = La conexión con { $app } ha caducado: vuelve a conectar para reanudar la sincronización.
status-now-disconnected = Se ha desconectado { $app }.

## An app's status badge (marketplace card, app page). An available app has none.

card-badge-connected = Conectada
card-badge-setup = Configuración pendiente
card-badge-reconnect = Conexión caducada

## An app's main button (marketplace card, app page), then its accessible name, which says
## which app it acts on. $app: the app's name.

card-connect = Conectar
# QuickBooks' branded button: use Intuit's wording for the language, if it has one.
card-connect-quickbooks = Conectar con QuickBooks
card-reconnect = Volver a conectar
card-finish-setup = Completar la configuración
card-manage = Gestionar
card-connect-app = Conectar { $app }
card-reconnect-app = Volver a conectar { $app }
card-finish-setup-app = Completar la configuración de { $app }
card-manage-app = Gestionar { $app }

## What is wrong with a form field, shown by the field as the user types and after a save.
## $label: the field's name, as the app labels it.

validation-required = El campo { $label } es obligatorio.
validation-number = El campo { $label } debe ser un número.
validation-email = El campo { $label } debe ser una dirección de correo electrónico, como nombre@example.com.
validation-url = El campo { $label } debe ser una dirección web que empiece por https://.
validation-date = El campo { $label } debe ser una fecha (AAAA-MM-DD).
# $error: the JSON reader's own account of the problem (English, technical).
validation-json = El campo { $label } no contiene JSON válido: { $error }.
validation-option = Selecciona una de las opciones del campo { $label }.

## An app's credentials form: a required field left empty. $label: as above.

connect-form-choose = Selecciona una opción en el campo { $label }.
connect-form-enter = Introduce un valor en el campo { $label }.

## The configuration form.

# A password field's placeholder when a value is stored (which is never shown).
config-form-secret-kept = Valor guardado; deja el campo vacío para conservarlo
# $error: why, one of the error sentences.
config-form-not-saved = No se ha guardado nada: { $error }.
# The form's alert after a refused save. $count: how many fields to fix (1 or more).
config-form-problems =
    { $count ->
        [one] { $count } campo requiere tu atención; no se ha guardado nada.
       *[other] { $count } campos requieren tu atención; no se ha guardado nada.
    }
