package dev.tributary.gateway.cli;

import dev.tributary.core.mapping.MappingLoader;
import dev.tributary.core.mapping.Mappings;
import dev.tributary.gateway.delivery.SinkDelivery;
import dev.tributary.gateway.metrics.GatewayMetrics;
import dev.tributary.gateway.replay.DryRunTarget;
import dev.tributary.gateway.replay.GatewayTarget;
import dev.tributary.gateway.replay.ReplayCounts;
import dev.tributary.gateway.replay.ReplayPlan;
import dev.tributary.gateway.replay.ReplayTarget;
import dev.tributary.gateway.replay.Replayer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Re-injects the events of {@code file} sink files (dead letters, archives) into the routes of a mappings file. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Re-inject events from JSON-lines files written by a 'file' sink (dead letters or an archive).",
            "",
            "An event dead-lettered by a sink goes to that sink again; one dead-lettered by a route's transform goes "
                    + "through that transform again, then to the route's sinks; any other line goes through every "
                    + "route's filters, transform and sinks. Each source+id is replayed once per run. Deliveries have "
                    + "the routes' retries and dead-lettering; no source is started.",
            "",
            "Exit status: 0 every event replayed or skipped on purpose, 1 a delivery failed or a line could not be read."
        })
public final class ReplayCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "JSON-lines files, replayed in the order given")
    List<Path> files;

    @Option(names = "--mappings", required = true, paramLabel = "FILE", description = "the route-mapping file")
    Path mappings;

    @Option(names = "--route", paramLabel = "NAME", description = "replay through this route only")
    String route;

    @Option(
            names = "--since",
            paramLabel = "TIME",
            description =
                    "only events whose 'time' is at or after TIME (RFC 3339, e.g. 2026-03-14T09:00:00Z); events without 'time' are skipped")
    String since;

    @Option(names = "--dry-run", description = "print what would be delivered where, deliver nothing")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return CommandFailures.guard("tributary replay", out, err, () -> {
            Optional<Instant> from = since == null ? Optional.empty() : Optional.of(instant(since));
            Mappings loaded = new MappingLoader().load(mappings);
            GatewayMetrics metrics = new GatewayMetrics(new SimpleMeterRegistry());
            List<SinkDelivery> deliveries = SinkDelivery.of(loaded, metrics);
            ReplayPlan plan = new ReplayPlan(loaded, deliveries, Optional.ofNullable(route));
            ReplayCounts counts;
            try (ReplayTarget target =
                    dryRun ? new DryRunTarget(out) : new GatewayTarget(loaded, deliveries, metrics)) {
                counts = new Replayer(plan, from, target, err).replay(files);
            }
            out.println((dryRun ? "dry run: " : "replayed: ") + counts.summary(dryRun));
            return counts.clean() ? 0 : 1;
        });
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "--since: expected an RFC 3339 time such as 2026-03-14T09:00:00Z, got '" + text + "'");
        }
    }
}
