package org.travesia.ops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.travesia.eventstore.EventStoreCollections;
import org.travesia.eventstore.MongoEventStorageEngine;
import org.travesia.kernel.EventCatalogue;
import org.travesia.kernel.missing.MissingPersonFacts;
import org.travesia.kernel.missing.MissingPersonReported;
import org.travesia.kernel.missing.SightingRecorded;
import org.travesia.ops.EmbeddedStore;
import org.travesia.platform.axon.EventTypeRegistry;
import org.travesia.platform.axon.EventTypeSerializer;
import org.travesia.platform.axon.SerializationConfiguration;
import org.travesia.platform.axon.StorageJson;
import org.travesia.platform.privacy.BlindIndex;
import org.travesia.platform.privacy.DataSubject;
import org.travesia.platform.privacy.PersonalDataCipher;
import org.travesia.platform.privacy.SubjectOpener;
import org.travesia.platform.privacy.SubjectSealer;
import org.travesia.platform.privacy.keys.AesGcm;
import org.travesia.platform.privacy.keys.ErasureJournal;
import org.travesia.platform.privacy.keys.KeyVault;
import org.travesia.platform.privacy.keys.MasterKey;
import org.travesia.platform.privacy.keys.SystemKeys;
import org.travesia.platform.web.PageCursor;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

/**
 * What sealing personal data costs, side by side in one run on the durable embedded store ({@code ./ops/run}'s),
 * with the real key hierarchy (data keys wrapped by a master key, in a key database on the same server, as the local
 * default keeps them):
 * <ul>
 * <li>append, through {@link MongoEventStorageEngine}, one event per commit from four writers, as commands commit: a
 * missing person's report with its personal fields sealed under a fresh key (made and stored then, as a new report
 * does) against the same report in the clear; and the case's second event, a sighting, sealed under the key already
 * made (read and unwrapped, as every later command does) against the same sighting in the clear. The sealed runs
 * store through the production event serializer, which refuses an unsealed personal field; the plain runs through the
 * same serializer without that check. The clear events, blind-index tokens included, are built before the clock
 * starts: what is timed is sealing and appending against appending;</li>
 * <li>read: read-model documents of cases, read in one cursor (a range query per page would scan the embedded store's
 * collection each time and drown what is measured), turned back into records, and for the sealed ones opened a page
 * of {@link PageCursor#DEFAULT_LIMIT} at a time after one batch key lookup per page (the query side's {@code
 * openerFor(page's subjects)}), against the same documents in the clear.</li>
 * </ul>
 * A warm-up of every variant comes first, then {@code rounds} measured rounds, each one the plain and the sealed run
 * of each pair back to back, so that both see the machine (shared, and busy or not) in nearly the same state; odd
 * rounds run the plain one first, even rounds the sealed one, so that neither always gets the quieter moment. Run it
 * on its own with {@code ops/bench/encryption [events per run] [documents] [append rounds] [read rounds]}: reads are
 * cheap and the machine is shared, so they get more rounds. The harness ({@code ops/bench/run}, scenario {@code
 * encryption}) runs the same {@link #measure}, with tiny counts when quick. It is not a unit test.
 */
public final class EncryptionCostMeasurements {

    private static final int WRITERS = 4;
    private static final JsonMapper JSON = StorageJson.mapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final MongoClient client;
    private final PersonalDataCipher cipher;
    private final BlindIndex blindIndex;
    private final Serializer plainSerializer;
    private final Serializer sealingSerializer;
    private int databases;

    private EncryptionCostMeasurements(MongoClient client, PersonalDataCipher cipher, BlindIndex blindIndex) {
        this.client = client;
        this.cipher = cipher;
        this.blindIndex = blindIndex;
        EventTypeRegistry registry = EventTypeRegistry.of(EventCatalogue.EVENTS);
        this.plainSerializer = new EventTypeSerializer(registry);
        this.sealingSerializer = new SerializationConfiguration().eventSerializer(registry);
    }

    /** How much one measurement does: events per append run, read-model documents, rounds, warm-up events. */
    record Counts(int events, int documents, int appendRounds, int readRounds, int warmUpEvents) {

        static final Counts STANDALONE = new Counts(5_000, 5_000, 3, 9, 2_000);
    }

    /** One figure side by side: the medians of the rounds, and the median of the rounds' sealed/plain ratios. */
    record SideBySide(String what, String unit, double plain, double sealed, double ratio) {
    }

    public static void main(String[] args) throws Exception {
        Counts standalone = Counts.STANDALONE;
        Counts counts = new Counts(
                args.length > 0 ? Integer.parseInt(args[0]) : standalone.events(),
                args.length > 1 ? Integer.parseInt(args[1]) : standalone.documents(),
                args.length > 2 ? Integer.parseInt(args[2]) : standalone.appendRounds(),
                args.length > 3 ? Integer.parseInt(args[3]) : standalone.readRounds(),
                standalone.warmUpEvents());
        int port = Integer.parseInt(System.getenv().getOrDefault("TRAVESIA_MONGO_PORT", "0"));
        System.out.printf(Locale.ROOT, "machine: %d cores, load average %s, max heap %d MiB, java %s%n",
                Runtime.getRuntime().availableProcessors(), MachineFacts.loadAverage(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        List<SideBySide> figures = measure(counts, port);
        System.out.printf(Locale.ROOT, "medians (ratio: the median of the rounds' sealed/plain ratios):%n");
        for (SideBySide figure : figures) {
            System.out.printf(Locale.ROOT, "  %-29s plain %6.0f  sealed %6.0f %-8s  ratio %.2f%n", figure.what() + ":",
                    figure.plain(), figure.sealed(), figure.unit(), figure.ratio());
        }
        System.out.printf(Locale.ROOT, "load average at the end: %s%n", MachineFacts.loadAverage());
    }

    /**
     * Every figure, in a fresh durable embedded store of its own on {@code port} (0: any free one), deleted after,
     * with a master key made for the run. Prints each round as it ends.
     */
    static List<SideBySide> measure(Counts counts, int port) throws Exception {
        Path data = Files.createTempDirectory("travesia-encryption-bench");
        try (EmbeddedStore store = EmbeddedStore.start(data.resolve("data"), "127.0.0.1", port);
             MongoClient client = MongoClients.create(store.uri("bench"))) {
            KeyVault vault = new KeyVault(client.getDatabase("bench-keys"), client.getDatabase("bench"),
                    WriteConcern.ACKNOWLEDGED, new ErasureJournal(data.resolve("keys").resolve("erasures.jsonl")),
                    new MasterKey(AesGcm.newKey().getEncoded()), Clock.systemUTC());
            EncryptionCostMeasurements bench = new EncryptionCostMeasurements(client, new PersonalDataCipher(vault),
                    new BlindIndex(new SystemKeys(vault).get(SystemKeys.BLIND_INDEX)));
            return bench.run(counts);
        } finally {
            BenchFiles.deleteRecursively(data);
        }
    }

    private List<SideBySide> run(Counts counts) throws Exception {
        int events = counts.events();
        int rounds = counts.appendRounds();
        int readRounds = counts.readRounds();
        warmUp(counts.warmUpEvents());
        ReadModels readModels = fillReadModels(counts.documents());
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            readModels.read(false);
            readModels.read(true);
        }
        System.out.printf(Locale.ROOT, "append: %d writers, 1 event per commit, %d events per run%n", WRITERS, events);
        List<double[]> appends = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            appends.add(appendRates(events, round));
        }
        System.out.printf(Locale.ROOT, "read: %d read-model documents, one cursor, opened in pages of %d, one reader%n",
                readModels.documents, PageCursor.DEFAULT_LIMIT);
        List<double[]> reads = new ArrayList<>();
        for (int round = 1; round <= readRounds; round++) {
            boolean plainFirst = round % 2 == 1;
            double first = readModels.read(!plainFirst);
            double second = readModels.read(plainFirst);
            double plain = plainFirst ? first : second;
            double sealed = plainFirst ? second : first;
            System.out.printf(Locale.ROOT, "  round %d  plain %8.0f docs/s  sealed %8.0f docs/s  ratio %.2f%n", round,
                    plain, sealed, sealed / plain);
            reads.add(new double[] {plain, sealed});
        }
        return List.of(
                sideBySide("append, report (fresh key)", "events/s", appends, 0, 1),
                sideBySide("append, sighting (key made)", "events/s", appends, 2, 3),
                sideBySide("read, case documents", "docs/s", reads, 0, 1));
    }

    private static SideBySide sideBySide(String what, String unit, List<double[]> rounds, int plain, int sealed) {
        List<double[]> ratios = rounds.stream().map(round -> new double[] {round[sealed] / round[plain]}).toList();
        return new SideBySide(what, unit, median(rounds, plain), median(rounds, sealed), median(ratios, 0));
    }

    /** Rates of the four append runs: report plain, report sealed, sighting plain, sighting sealed. */
    private double[] appendRates(int events, int round) throws Exception {
        String prefix = "r" + round;
        Cases plain = cases(prefix + "-plain", events);
        Cases sealed = cases(prefix + "-sealed", events);
        boolean plainFirst = round % 2 == 1;
        double reportPlain = 0;
        double reportSealed = 0;
        double sightingPlain = 0;
        double sightingSealed = 0;
        for (boolean sealing : plainFirst ? new boolean[] {false, true} : new boolean[] {true, false}) {
            if (sealing) {
                reportSealed = append(sealingSerializer, sealed.reports, this::sealed, 0);
            } else {
                reportPlain = append(plainSerializer, plain.reports, Function.identity(), 0);
            }
        }
        for (boolean sealing : plainFirst ? new boolean[] {false, true} : new boolean[] {true, false}) {
            if (sealing) {
                sightingSealed = append(sealingSerializer, sealed.sightings, this::sealed, 1);
            } else {
                sightingPlain = append(plainSerializer, plain.sightings, Function.identity(), 1);
            }
        }
        System.out.printf(Locale.ROOT, "  round %d  report:   plain %6.0f  sealed, fresh key %6.0f events/s  ratio %.2f%n",
                round, reportPlain, reportSealed, reportSealed / reportPlain);
        System.out.printf(Locale.ROOT, "  round %d  sighting: plain %6.0f  sealed, key made  %6.0f events/s  ratio %.2f%n",
                round, sightingPlain, sightingSealed, sightingSealed / sightingPlain);
        return new double[] {reportPlain, reportSealed, sightingPlain, sightingSealed};
    }

    /** Every append variant once, unmeasured, so that no measured run pays for the JIT. */
    private void warmUp(int events) throws Exception {
        Cases plain = cases("warm-up-plain", events);
        Cases sealed = cases("warm-up-sealed", events);
        append(plainSerializer, plain.reports, Function.identity(), 0);
        append(sealingSerializer, sealed.reports, this::sealed, 0);
        append(plainSerializer, plain.sightings, Function.identity(), 1);
        append(sealingSerializer, sealed.sightings, this::sealed, 1);
    }

    /**
     * Appends each event as its own commit, {@link #WRITERS} writers at a time, into a fresh store, after
     * {@code prepare} (sealing, or nothing). Events per second.
     */
    private <E extends Record> double append(Serializer serializer, List<E> events, Function<E, E> prepare,
                                             long sequence) throws Exception {
        MongoDatabase database = client.getDatabase("events-" + ++databases);
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .collections(new EventStoreCollections(database, WriteConcern.ACKNOWLEDGED).ensureIndexes())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        long start = System.nanoTime();
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                for (int i = writer; i < events.size(); i += WRITERS) {
                    E event = prepare.apply(events.get(i));
                    DomainEventMessage<E> message = new GenericDomainEventMessage<>("MissingPersonCase",
                            DataSubject.of(event).id(), sequence, event);
                    engine.appendEvents(List.of(message));
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        double rate = events.size() / ((System.nanoTime() - start) / 1e9);
        pool.shutdown();
        return rate;
    }

    /** What the aggregate does before applying: each personal field sealed under the case's key. */
    private <E extends Record> E sealed(E event) {
        SubjectSealer sealer = cipher.sealerFor(DataSubject.of(event));
        if (event instanceof MissingPersonReported report) {
            @SuppressWarnings("unchecked")
            E sealedReport = (E) new MissingPersonReported(report.caseId(), report.organisation(),
                    report.reportedBy(), report.clientReportId(), report.requestFingerprint(),
                    sealer.sealRecord(report.person()), sealer.sealRecord(report.lastSeen()),
                    sealer.sealRecord(report.reporter()), report.consent(), report.sharing(),
                    sealer.sealAll("searchTokens", report.searchTokens()));
            return sealedReport;
        }
        return sealer.sealRecord(event);
    }

    private record Cases(List<MissingPersonReported> reports, List<SightingRecorded> sightings) {
    }

    /** {@code count} cases in the clear: a report and a sighting each, with what a family typically reports. */
    private Cases cases(String prefix, int count) {
        List<MissingPersonReported> reports = new ArrayList<>(count);
        List<SightingRecorded> sightings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String caseId = String.format(Locale.ROOT, "%s-%06d", prefix, i);
            String fullName = "Ana Lucía Bench-Pérez " + i;
            List<String> tokens = new ArrayList<>(blindIndex.ofNames(List.of(fullName, "Lucy")));
            tokens.add(blindIndex.ofBirthYear(2003));
            reports.add(new MissingPersonReported(caseId, "local", "bench", caseId, "fingerprint",
                    new MissingPersonFacts.Person(fullName, List.of("Lucy"), "FEMALE",
                            new MissingPersonFacts.AgeBand(20, 25), "22-23", "2003", "VE", List.of("es", "wayuunaiki"),
                            "A scar on the left hand, a tattoo of a rose on the right shoulder"),
                    new MissingPersonFacts.LastSeen("2026-10-02", "DAY", place(), "darien", "s1"),
                    new MissingPersonFacts.Reporter("SIBLING", "+58 412 555 0101, ask for María"),
                    new MissingPersonFacts.Consent(true, List.of("PROTECTION", "FAMILY_TRACING"), "REPORTER"),
                    "ORGANISATION", tokens));
            sightings.add(new SightingRecorded(caseId, "2026-10-09", "DAY", place(), "WITNESS", "MEDIUM",
                    "Seen boarding a boat with two other women, wearing a red jacket"));
        }
        return new Cases(reports, sightings);
    }

    private static MissingPersonFacts.Place place() {
        return new MissingPersonFacts.Place("PA", "Darién", "Pinogana", "Bajo Chiquito", "8.0123,-77.5432", "POINT");
    }

    /**
     * The same cases twice as read-model documents (person, last seen, reporter, consent, one sighting): once in the
     * clear, once sealed, each case under its own key (made here). Filled in bulk, unmeasured.
     */
    private ReadModels fillReadModels(int documents) {
        MongoDatabase database = client.getDatabase("read-models");
        MongoCollection<Document> plain = database.getCollection("cases_plain");
        MongoCollection<Document> sealed = database.getCollection("cases_sealed");
        Cases cases = cases("read", documents);
        List<Document> plainBatch = new ArrayList<>();
        List<Document> sealedBatch = new ArrayList<>();
        for (int i = 0; i < documents; i++) {
            MissingPersonReported report = cases.reports.get(i);
            SightingRecorded sighting = cases.sightings.get(i);
            plainBatch.add(caseDocument(report, sighting));
            sealedBatch.add(caseDocument(sealed(report), sealed(sighting)));
            if (plainBatch.size() == 500 || i == documents - 1) {
                plain.insertMany(plainBatch);
                sealed.insertMany(sealedBatch);
                plainBatch.clear();
                sealedBatch.clear();
            }
        }
        return new ReadModels(plain, sealed, documents);
    }

    private static Document caseDocument(MissingPersonReported report, SightingRecorded sighting) {
        return new Document("_id", report.caseId())
                .append("person", asDocument(report.person()))
                .append("lastSeen", asDocument(report.lastSeen()))
                .append("reporter", asDocument(report.reporter()))
                .append("consent", asDocument(report.consent()))
                .append("sightings", List.of(asDocument(sighting)));
    }

    private static Document asDocument(Object record) {
        return new Document(JSON.convertValue(record, MAP));
    }

    private final class ReadModels {

        private final MongoCollection<Document> plain;
        private final MongoCollection<Document> sealed;
        private final int documents;

        ReadModels(MongoCollection<Document> plain, MongoCollection<Document> sealed, int documents) {
            this.plain = plain;
            this.sealed = sealed;
            this.documents = documents;
        }

        /**
         * Reads every document, in one cursor, as records, and opens them when {@code opening}, a page at a time with
         * one key lookup per page; documents per second. Fails when a case does not come back as it was reported, so a
         * rate is never that of a read that did nothing.
         */
        double read(boolean opening) {
            MongoCollection<Document> collection = opening ? sealed : plain;
            long start = System.nanoTime();
            int read = 0;
            List<Document> page = new ArrayList<>(PageCursor.DEFAULT_LIMIT);
            for (Document state : collection.find().sort(Sorts.ascending("_id"))) {
                page.add(state);
                if (page.size() == PageCursor.DEFAULT_LIMIT) {
                    read += readPage(page, opening);
                    page.clear();
                }
            }
            read += readPage(page, opening);
            if (read != documents) {
                throw new IllegalStateException("Read " + read + " of " + documents + " documents");
            }
            return read / ((System.nanoTime() - start) / 1e9);
        }

        private int readPage(List<Document> page, boolean opening) {
            SubjectOpener opener = opening ? cipher.openerFor(page.stream()
                    .map(state -> DataSubject.missingPerson(state.getString("_id"))).toList()) : null;
            for (Document state : page) {
                DataSubject subject = DataSubject.missingPerson(state.getString("_id"));
                MissingPersonFacts.Person person = as(state.get("person"), MissingPersonFacts.Person.class);
                MissingPersonFacts.LastSeen lastSeen = as(state.get("lastSeen"), MissingPersonFacts.LastSeen.class);
                MissingPersonFacts.Reporter reporter = as(state.get("reporter"), MissingPersonFacts.Reporter.class);
                SightingRecorded sighting = as(state.getList("sightings", Document.class).get(0),
                        SightingRecorded.class);
                if (opening) {
                    person = opener.openRecord(subject, person, "").value();
                    lastSeen = opener.openRecord(subject, lastSeen, "").value();
                    reporter = opener.openRecord(subject, reporter, "").value();
                    sighting = opener.openRecord(subject, sighting, "").value();
                }
                if (!person.fullName().startsWith("Ana Lucía Bench-Pérez ") || reporter.contact() == null
                        || lastSeen.place().locality() == null || sighting.note() == null) {
                    throw new IllegalStateException("A case did not read back as it was stored");
                }
            }
            return page.size();
        }

        private static <T> T as(Object document, Class<T> type) {
            return JSON.convertValue(document, type);
        }
    }

    private static double median(List<double[]> rounds, int column) {
        double[] values = rounds.stream().mapToDouble(round -> round[column]).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
}
