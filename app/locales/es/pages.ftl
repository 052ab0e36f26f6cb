### The pages, rendered on the server only: none of these messages reaches the islands.

## The marketplace (/integrations)

integrations-page-title = Integraciones
integrations-page-heading = Integraciones
integrations-page-lead = Conecta las herramientas que tu equipo ya usa.
# The list of placeholder cards shown while the catalog loads (read by screen readers).
integrations-page-loading = Cargando aplicaciones

## An app's page (/integrations/{slug})

integration-breadcrumb = Ruta de navegación
integration-breadcrumb-integrations = Integraciones
integration-unavailable-title = Integración no disponible
integration-back = Volver a las integraciones
integration-no-address = Esta integración no tiene dirección.
# The alt text of the app's logo. $app: the app's name.
integration-logo = Logotipo de { $app }
# The label of the list of the app's categories.
integration-categories = Categorías
integration-config-saved = Configuración guardada.
integration-config-created = Configuración creada.
integration-config-reset = La configuración se ha restablecido a los valores predeterminados de la aplicación.
integration-config-deleted = Se ha eliminado la configuración.
# After a named configuration was refused its name. The characters listed are the ones allowed, as typed.
integration-config-bad-name = Los nombres de configuración solo pueden usar letras (sin tildes ni ñ), dígitos y - _ . @ : (hasta 64 caracteres).
integration-config-unavailable = El servicio de integraciones no está disponible en este momento; no se ha cambiado nada. Vuelve a intentarlo dentro de un momento.
# The banners after coming back from a connection. $app: the app's name.
integration-connected = Se ha conectado { $app }.
integration-connect-incomplete = La conexión con { $app } no se ha completado. Vuelve a intentarlo.
integration-connect-unavailable = No se ha podido iniciar la conexión con { $app }: el servicio de integraciones no está disponible en este momento. Vuelve a intentarlo dentro de un momento.
integration-connect-denied = Conexión cancelada: no se ha concedido acceso a { $app }.
integration-disconnected = Se ha desconectado { $app }.
integration-disconnect-incomplete = La aplicación { $app } sigue conectada: la desconexión no se ha completado. Vuelve a intentarlo.
integration-connection-heading = Conexión
# How an account signs in to the app: with OAuth or with an API key.
integration-auth-oauth = OAuth
integration-auth-key = Clave de API
# The label of the refused Connect and Reconnect buttons (a role that may not connect). $app: the app's name.
integration-connect-app = Conectar { $app }
integration-reconnect-app = Volver a conectar { $app }
# The label of the refused Disconnect button. $app: the app's name.
integration-disconnect-app = Desconectar { $app }
# The table of the app's connected accounts.
integration-accounts-caption = Cuentas conectadas
integration-accounts-account = Cuenta
integration-accounts-auth = Autenticación
integration-accounts-connected = Conectada
integration-accounts-status = Estado
# A connected account's status, in its badge.
integration-account-active = activa
integration-account-expired = caducada

## The connection history of an app's page

history-link = Historial de conexión
history-heading = Historial de conexión
# $error: why, as a sentence fragment ending without a full stop.
history-failed = No se ha podido cargar el historial de conexión: { $error }.
history-empty = Esta conexión no ha tenido actividad en los últimos 30 días.
history-footer = Últimos 30 días, de lo más reciente a lo más antiguo.
# After the event's time (when there is one): who did it. $name: the user's name.
history-by = {" "}· por { $name }
# The events of the history, one a line.
history-connected = Conexión establecida
history-reconnected = Conexión establecida de nuevo
# $reason: what the provider said, in its own words.
history-expired-because = Conexión caducada: { $reason }
history-expired = Conexión caducada
history-disconnected = Desconexión
history-settings-saved = Ajustes guardados
history-settings-deleted = Ajustes eliminados
# $workflow: the workflow's name.
history-workflow-enabled = Flujo de trabajo activado: { $workflow }
history-workflow-enabled-unnamed = Flujo de trabajo activado
history-workflow-disabled = Flujo de trabajo desactivado: { $workflow }
history-workflow-disabled-unnamed = Flujo de trabajo desactivado

## The configuration section of an app's page

configuration-heading = Configuración
# The toggle of a workflow.
configuration-workflow-enabled = Activado
# $name: the configuration's name, as its user typed it.
configuration-delete-warning = Se eliminará la configuración «{ $name }»: sus ajustes y los valores de sus flujos de trabajo.
configuration-reset-warning = Se eliminarán los ajustes guardados y los valores de los flujos de trabajo; se restablecerán los valores predeterminados de la aplicación.
configuration-settings = Ajustes
configuration-workflows = Flujos de trabajo
configuration-save = Guardar configuración
# The disclosures that ask before deleting, and the buttons inside them.
configuration-delete-ask = Eliminar esta configuración…
configuration-reset-ask = Restablecer los valores predeterminados…
configuration-delete = Eliminar configuración
configuration-reset = Restablecer configuración
# The default configuration, in the list of the account's configurations of the app.
configuration-default = Predeterminada
configuration-list = Configuraciones
configuration-new = Nueva configuración
# An example of a configuration's name, as a placeholder: only the letters A to Z, digits and - _ . @ : are allowed.
configuration-new-placeholder = ventas
# The characters a configuration's name may use, listed as typed.
configuration-new-rule = Letras (sin tildes ni ñ), dígitos y - _ . @ :
configuration-create = Crear
# The empty choice of a select that has no placeholder of its own.
configuration-choose = Selecciona…
# The columns of a mapping field: the app's field, and the value it takes.
configuration-map-field = Campo
configuration-map-to = Se asigna a
configuration-map-none = Sin asignar
# $kind: the field's type, as Cobalt names it.
configuration-unknown-field = Este tipo de campo ({ $kind }) aún no tiene editor aquí: introduce su valor como texto.

## The Activity section of an app's page

activity-heading = Actividad
activity-retried = Se ha reintentado la ejecución: esta es la nueva.
activity-stopped = Se ha detenido la ejecución.
activity-unchanged = No se ha hecho nada: solo se puede reintentar una ejecución fallida y solo se puede detener una en curso.
activity-unavailable = No se ha reintentado ni detenido nada: el servicio de integraciones no está disponible en este momento. Vuelve a intentarlo dentro de un momento.
# $error: why, as a sentence fragment ending without a full stop.
activity-runs-failed = No se ha podido cargar el historial de ejecuciones: { $error }.
activity-run-failed = No se ha podido abrir esa ejecución: { $error }.
# The label of the status filter, and its choices.
activity-filter-show = Mostrar
activity-filter-all = Todas las ejecuciones
activity-filter-failed = Ejecuciones fallidas
activity-filter-running = Ejecuciones en curso
activity-filter-completed = Ejecuciones completadas
activity-filter-stopped = Ejecuciones detenidas
activity-filter-apply = Aplicar
# A page past the last one; a link back to the first page follows.
activity-page-empty = No hay ejecuciones en esta página.{" "}
activity-page-first = Volver a las ejecuciones más recientes
# $app: the app's name.
activity-none = { $app } aún no ha ejecutado ningún flujo de trabajo.
activity-none-filtered = Ninguna ejecución coincide con este filtro.
# In the Duration column, for a run not finished.
activity-duration-running = en curso
activity-view-run = Ver ejecución
# Read by screen readers right after "View run". $workflow: the workflow's name; $status: the run's status; $started: how long ago it started ("5 minutes ago").
activity-view-run-detail = : { $workflow }, { $status }, iniciada { $started }
# The caption of the table of runs. $app: the app's name.
activity-runs-caption = Ejecuciones de flujos de trabajo de { $app }, de la más reciente a la más antigua
activity-column-status = Estado
activity-column-workflow = Flujo de trabajo
activity-column-trigger = Activador
activity-column-started = Inicio
activity-column-duration = Duración
activity-column-details = Detalles
activity-pages = Páginas de ejecuciones
activity-newer = Ejecuciones más recientes
# $page: this page's number; $pages: how many there are.
activity-page = Página { $page } de { $pages }
activity-older = Ejecuciones más antiguas
# A failed step of a run. $attempts: how many times it was tried; $message: what the provider said, in its own words.
activity-step-failed =
    Error tras { $attempts ->
        [one] { $attempts } intento
       *[other] { $attempts } intentos
    }: { $message }
activity-step-failed-silent =
    Error tras { $attempts ->
        [one] { $attempts } intento
       *[other] { $attempts } intentos
    }: no se ha recibido ningún mensaje
# What the page says while a retry or a stop is sent, and when it fails (read by /activity.js).
activity-retrying = Reintentando…
activity-stopping = Deteniendo…
activity-no-answer = No se ha recibido respuesta: recarga la página para comprobar si se ha completado.
activity-refused = Se ha rechazado la acción y no se ha hecho nada: recarga la página para ver el estado actual de la ejecución.
activity-retry = Reintentar ejecución
activity-stop = Detener ejecución
# The heading of an opened run. $workflow: the workflow's name; $status: the run's status.
activity-run-heading = { $workflow }: { $status }
# Between the run's status badge and the time it started ("5 minutes ago").
activity-run-started = {" "}Iniciada{" "}
activity-steps = Pasos
activity-close = Cerrar ejecución

## /integrations/{slug}/disconnect, the confirmation without JavaScript ($app: the app's name)

disconnect-page-not-connected = La aplicación { $app } no está conectada
disconnect-page-nothing = No hay nada que desconectar.
disconnect-page-back = Volver a { $app }
# The heading when the user's role may not disconnect.
disconnect-page-stays = La aplicación { $app } sigue conectada
disconnect-page-title = ¿Desconectar { $app }?
disconnect-page-unavailable = No se ha desconectado nada: el servicio de integraciones no está disponible en este momento. Vuelve a intentarlo dentro de un momento.
disconnect-page-cancel = Cancelar
disconnect-page-confirm = Desconectar { $app }

## The pages of the hand-off from the host app (/embed/…)

# Why the sign-in link was refused, when the server gave no reason.
embed-incomplete = el enlace está incompleto
embed-refused-title = No se pueden abrir las integraciones
embed-refused-heading = No hemos podido abrir tus integraciones
# $reason: why, as a sentence fragment ending without a full stop.
embed-refused = Se ha rechazado el enlace de inicio de sesión: { $reason }.
embed-refused-advice = Vuelve a la aplicación de la que venías y abre de nuevo la pestaña Integraciones.
# Another account is signed in. $current: the name of the one signed in; $next: the name the link signs in as.
embed-switch-title = ¿Cambiar de cuenta?
embed-switch-heading = ¿Continuar como { $next }?
embed-switch-current = Has iniciado sesión en la pestaña Integraciones como { $current }.
embed-switch-warning = El enlace que has abierto inicia sesión como { $next }. Continúa solo si eres tú: las aplicaciones que conectes pertenecerán a esa cuenta.
embed-switch-continue = Continuar como { $next }
embed-switch-stay = Seguir como { $current }
embed-ended-heading = Tu sesión ha finalizado
embed-ended = Abre de nuevo la pestaña Integraciones para continuar donde lo dejaste.
embed-cookies-heading = Tu navegador ha bloqueado el inicio de sesión
embed-cookies = Esta pestaña mantiene tu sesión iniciada con una cookie que solo funciona dentro de esta página, y tu navegador bloquea las cookies en las páginas insertadas de otros sitios. Permite las cookies de terceros para este sitio en los ajustes de tu navegador y recarga la página.

## The 404 page

not-found-title = Página no encontrada
not-found-heading = Página no encontrada
not-found-body = No hay nada en esta dirección.
not-found-back = Volver a las integraciones

## /signed-out

signed-out-title = Sesión cerrada
signed-out-heading = Has cerrado sesión
# $platform: the name of the host app.
signed-out-body = Abre la pestaña Integraciones desde tu cuenta de { $platform } para continuar.

## /signup

signup-title = Crea tu cuenta
# $platform: the name of the host app.
signup-heading = Te damos la bienvenida a { $platform }
signup-lead = Crea tu cuenta para conectar las herramientas que usa tu equipo.
signup-name = Nombre
signup-email = Correo electrónico de trabajo
signup-submit = Crear cuenta

## Answers of the server outside a page

server-signup-expired = Este formulario ha caducado. Revisa tus datos y vuelve a enviarlo.
server-signup-unavailable = No hemos podido crear tu cuenta porque el servicio de integraciones no ha respondido. No se ha guardado nada; vuelve a intentarlo.
# Plain-text answers to a link or a form that leads nowhere.
server-config-missing = Esa configuración no existe.
server-run-missing = Esa ejecución no existe.
# $seconds: how long to wait.
server-too-many-requests =
    Demasiadas solicitudes: espera { $seconds ->
        [one] { $seconds } segundo
       *[other] { $seconds } segundos
    } y vuelve a intentarlo.
# A link back from a consent page that names no app of the user's, or no page of the host.
server-back-refused = este enlace no lleva de vuelta a ninguna aplicación que uses
# Why the host app's link was refused, shown after "The sign-in link was refused:".
server-embed-unavailable = el servicio de integraciones no ha respondido; vuelve a intentarlo
# Sent to the host app when its fresh token belongs to another user.
server-embed-other-user = el token corresponde a otro usuario; abre de nuevo la pestaña Integraciones
