/**
 * HubSpot's CRM v3 REST API behind the {@link dev.stellar.connectors.crm.CrmRecords} port: batch read and batch upsert
 * by a unique property, a per-connection request budget below HubSpot's ten-second limit, 429 handling that tells the
 * burst limit from the daily one by its {@code policyName}, and batches the CRM refuses split until only the bad
 * records fail. HubSpot publishes no Java client: Spring's {@code RestClient} with typed records.
 */
package dev.stellar.connectors.hubspot;
