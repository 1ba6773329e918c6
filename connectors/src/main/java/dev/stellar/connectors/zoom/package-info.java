/**
 * Zoom: webhook verification ({@link dev.stellar.connectors.zoom.ZoomWebhooks}: {@code x-zm-signature}, replay window,
 * {@code endpoint.url_validation}), the recording events' payload ({@link dev.stellar.connectors.zoom.RecordingEvent}),
 * and downloads of recording files ({@link dev.stellar.connectors.zoom.ZoomDownloads}) with the event's download token,
 * falling back to a Server-to-Server OAuth token when it expired.
 */
package dev.stellar.connectors.zoom;
