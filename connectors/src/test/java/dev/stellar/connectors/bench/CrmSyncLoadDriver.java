package dev.stellar.connectors.bench;

import dev.stellar.connectors.crm.CrmRecords;
import dev.stellar.connectors.crm.CrmRecords.RecordWrite;
import dev.stellar.connectors.hubspot.HubSpot;
import dev.stellar.connectors.hubspot.HubSpotProperties;
import dev.stellar.connectors.hubspot.HubSpotStub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Load driver for one HubSpot account's request budget: meetings synced concurrently (as activity slots on worker nodes
 * would), each with the calls Stellar's sync makes — the proposal reads the deal and the contact, the apply reads them
 * again (the values just before) and upserts both — against the HubSpot stub enforcing HubSpot's ten-second rolling
 * limit. Counts the requests, the 429s and how long it took.
 * <p>
 * {@code ./mvnw -q -pl connectors exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.stellar.connectors.bench.CrmSyncLoadDriver -Dexec.args="1000 16 110 100"} (meetings, threads,
 * the stub's limit per ten seconds, Stellar's budget per ten seconds).
 */
public final class CrmSyncLoadDriver {

    private CrmSyncLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        int meetings = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int limit = args.length > 2 ? Integer.parseInt(args[2]) : 110;
        int budget = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        HubSpotStub stub = new HubSpotStub();
        stub.limitPerTenSeconds(limit);
        HubSpot hubSpot = new HubSpot(new HubSpotProperties(stub.baseUrl(), budget, Duration.ofSeconds(30), 5, null));
        CrmRecords crm = hubSpot.open("benchmark-connection", "pat-benchmark");
        crm.describe();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        List<Future<?>> syncs = new ArrayList<>();
        for (int i = 0; i < meetings; i++) {
            int meeting = i;
            syncs.add(pool.submit(() -> {
                long begun = System.nanoTime();
                String account = "account-" + meeting + ".example";
                String contact = "buyer@" + account;
                crm.read("deals", "stellar_deal_id", List.of(account), List.of("amount", "dealstage"));
                crm.read("contacts", "email", List.of(contact), List.of("firstname", "lastname"));
                crm.read("deals", "stellar_deal_id", List.of(account), List.of("amount", "dealstage"));
                crm.upsert("deals", "stellar_deal_id", List.of(new RecordWrite(account, Map.of("amount",
                        String.valueOf(1000 + meeting), "dealname", account, "dealstage", "qualifiedtobuy"))));
                crm.read("contacts", "email", List.of(contact), List.of("firstname", "lastname"));
                crm.upsert("contacts", "email", List.of(new RecordWrite(contact, Map.of("firstname", "Buyer",
                        "lastname", String.valueOf(meeting)))));
                latencies.add(System.nanoTime() - begun);
            }));
        }
        int failed = 0;
        for (Future<?> sync : syncs) {
            try {
                sync.get();
            } catch (Exception e) {
                failed++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("meetings %d (threads %d), stub limit %d/10 s, Stellar budget %d/10 s%n", meetings, threads,
                limit, budget);
        System.out.printf("requests %d, 429s %d, failed syncs %d, deals %d, contacts %d%n", stub.requests(),
                stub.tooManyRequests(), failed, stub.count("deals"), stub.count("contacts"));
        System.out.printf("took %.1f s: %.1f requests/s, %.2f meetings/s; per meeting p50 %.1f s, p99 %.1f s%n", seconds,
                stub.requests() / seconds, meetings / seconds, sorted.get(sorted.size() / 2) / 1e9,
                sorted.get((int) (sorted.size() * 0.99)) / 1e9);
        stub.stop();
        System.exit(0);
    }
}
