## The islands' sentences: the connect panel, the disconnect dialog, the marketplace's filters,
## the configuration editor, Retry, the live status and the theme switch. Every message here
## is also sent to the browser, where a selector cannot be resolved: sentences with a plural
## that the browser shows are rendered by the server for each count (see marketplace-count).
## $app is always an app's name, from Cobalt.

## Connecting an app, on its detail page.

connect-cancel = Cancelar
# The credentials form's button, for an app not connected yet.
connect-submit = Conectar { $app }
# The credentials form's button, for an app whose connection expired.
connect-submit-reconnect = Volver a conectar { $app }
# Heads the credentials form; required fields carry a * after their label.
connect-credentials-intro = Introduce las credenciales de tu cuenta de { $app }. Los campos marcados con * son obligatorios.
# The empty first choice of a list that has no placeholder of its own.
connect-choose = Selecciona…
# The Connect button while the attempt is under way.
connect-connecting = Conectando…
# A link that reloads the page, after the session ended.
connect-reload = Recargar la página
# The title (and text) of the consent window while Cobalt's page loads in it.
connect-popup-title = Conectando con { $app }…
connect-waiting-popup = Esperando a { $app }… Termina el proceso en la ventana que se ha abierto.
# No window could be opened: the whole page goes to the provider's sign-in page.
connect-waiting-redirect = Esperando a { $app }… Te llevamos a la página de inicio de sesión…
connect-credentials-refused = { $app } no ha aceptado estas credenciales.
connect-cancelled = Conexión cancelada.
# The consent window is closed after 5 minutes.
connect-timed-out = Conexión cancelada: la ventana de autorización ha estado abierta 5 minutos.
connect-connected = Se ha conectado { $app }.

## Disconnecting an app: the summary, the link and the dialog that asks first.

disconnect-summary = Al desconectar { $app } se eliminan sus configuraciones, incluidas las que tienen nombre. Puedes volver a conectar { $app } más adelante; sus ajustes empezarán entonces desde los valores predeterminados.
disconnect-workflows-unknown = Ahora mismo no se pueden mostrar sus flujos de trabajo activados; también se detendrán.
disconnect-workflows-none = No hay ningún flujo de trabajo activado en su configuración predeterminada.
# Heads the list of the enabled workflows that stop ($count of them, at least one).
disconnect-workflows-list = Se detendrán estos flujos de trabajo activados (configuración predeterminada):
disconnect-open = Desconectar…
disconnect-title = ¿Desconectar { $app }?
disconnect-cancel = Cancelar
disconnect-confirm = Desconectar { $app }
# The dialog's Disconnect button while the disconnect is under way.
disconnect-pending = Desconectando…
# $reason: why, as the server says it (a phrase, starting in lower case).
disconnect-failed = No se ha desconectado nada: { $reason }.

## The marketplace: search, status filter, category chips and the app grid.

# The category chip that shows every category.
marketplace-all = Todas
marketplace-search-label = Buscar integraciones
marketplace-search-placeholder = Nombre, descripción o categoría
# Heads the status filter's choices.
marketplace-status = Estado
marketplace-apply = Aplicar filtros
# The name of the row of category chips, for screen readers.
marketplace-categories = Categorías
# The name of the grid of app cards, for screen readers.
marketplace-apps = Aplicaciones
# How many apps the filters show. The server renders it for every count the page may show.
marketplace-count =
    { $count ->
        [one] { $count } aplicación
       *[other] { $count } aplicaciones
    }
marketplace-empty = Ninguna aplicación coincide con estos filtros.
marketplace-clear = Borrar filtros

## The configuration editor, as it checks and saves the form.

# Asked before leaving the page (or following a link) with changes not saved.
config-editor-leave = Esta configuración tiene cambios sin guardar. ¿Quieres salir sin guardarlos?
config-editor-saved = Configuración guardada.
# The Save button while the save is under way.
config-editor-saving = Guardando…
# Shown by a list whose choices are fetched; $reason is a sentence saying why they were not.
config-editor-options-failed = No se han podido cargar sus opciones: { $reason }
# $field: the label of a list whose choice was emptied because another field changed.
config-editor-cleared = Se ha vaciado el campo { $field }: la opción elegida no encaja con la nueva selección.

## Retry, on a page that could not be loaded.

retry-label = Reintentar
retry-pending = Reintentando…
# $reason: why, as the server says it (a phrase, starting in lower case).
retry-still-unavailable = Sigue sin estar disponible: { $reason }.

## The detail page's live status: what to do after the connection changed in another tab.

live-connect = Conectar { $app }
live-reconnect = Volver a conectar { $app }
live-reload = Recargar la página

## The light/dark switch (a toggle button: pressed means dark).

theme-dark = Tema oscuro

## Why connecting failed, as Cobalt's browser library (cobalt-js) reports it.

cobalt-js-load-failed = No se ha podido cargar la biblioteca de conexión de Cobalt. Comprueba tu conexión de red y vuelve a intentarlo.
cobalt-js-session-expired = Tu sesión ha caducado. Recarga la página para continuar.
cobalt-js-network = No se ha podido contactar con Cobalt. Comprueba tu conexión de red y vuelve a intentarlo.
# $detail: what the browser or cobalt-js reported, in English or code terms.
cobalt-js-unexpected = Se ha producido un error al conectar: { $detail }
# Stands for $detail above when the browser said nothing.
cobalt-js-unknown-error = error desconocido
cobalt-js-too-many-requests = Cobalt está recibiendo demasiadas solicitudes. Espera un momento y vuelve a intentarlo.
cobalt-js-unavailable = Cobalt está teniendo problemas en este momento. Vuelve a intentarlo dentro de un momento.
# $status: the HTTP status code Cobalt answered with.
cobalt-js-refused = Cobalt ha rechazado la solicitud (HTTP { $status }).
