package org.travesia.command.alert;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import org.travesia.kernel.alert.AlertFigures;
import org.travesia.kernel.alert.AlertRuleKind;
import org.travesia.kernel.alert.AlertRuleSet;

/**
 * Whether a rule fires for a segment, given the incidents of the days around the day an incident was placed on. Pure:
 * the same cells always give the same answer, which is what makes replays raise nothing new.
 * <ul>
 * <li>threshold: of the windows of {@code windowDays} days that hold the day, the earliest in which the incidents of
 * the rule's types reach {@code minCount}, or their dead plus missing reach {@code minDeadAndMissing};</li>
 * <li>spike: the ISO week (Monday to Sunday) of the day, whose incidents of the rule's types reach both
 * {@code minCount} and {@code factor} times the weekly mean of the {@code baselineWeeks} weeks before it.</li>
 * </ul>
 * Only incidents the rule's organisation may read are counted.
 */
final class RuleEvaluation {

    /** A rule that fired: its window (both days included), its figures, the incidents behind them. */
    record Crossing(LocalDate from, LocalDate to, AlertFigures figures, List<String> incidentIds) {
    }

    private RuleEvaluation() {
    }

    /** The days whose cells an evaluation for {@code day} reads. */
    static List<LocalDate> daysNeeded(AlertRuleSet rule, LocalDate day) {
        List<LocalDate> days = new ArrayList<>();
        if (AlertRuleKind.THRESHOLD.name().equals(rule.kind())) {
            int d = rule.windowDays();
            for (LocalDate x = day.minusDays(d - 1L); !x.isAfter(day.plusDays(d - 1L)); x = x.plusDays(1)) {
                days.add(x);
            }
        } else {
            LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            for (LocalDate x = monday.minusWeeks(rule.baselineWeeks()); x.isBefore(monday.plusWeeks(1)); x = x.plusDays(1)) {
                days.add(x);
            }
        }
        return days;
    }

    static Optional<Crossing> evaluate(AlertRuleSet rule, LocalDate day, Function<LocalDate, List<CellEntry>> cells) {
        return AlertRuleKind.THRESHOLD.name().equals(rule.kind()) ? threshold(rule, day, cells) : spike(rule, day, cells);
    }

    private static Optional<Crossing> threshold(AlertRuleSet rule, LocalDate day,
                                                Function<LocalDate, List<CellEntry>> cells) {
        int d = rule.windowDays();
        for (LocalDate from = day.minusDays(d - 1L); !from.isAfter(day); from = from.plusDays(1)) {
            LocalDate to = from.plusDays(d - 1L);
            List<CellEntry> counted = counted(rule, from, to, cells);
            int incidents = counted.size();
            int deadAndMissing = counted.stream().mapToInt(CellEntry::deadAndMissing).sum();
            boolean crosses = rule.minCount() != null ? incidents >= rule.minCount()
                    : deadAndMissing >= rule.minDeadAndMissing();
            if (crosses) {
                Integer threshold = rule.minCount() != null ? rule.minCount() : rule.minDeadAndMissing();
                return Optional.of(new Crossing(from, to, new AlertFigures(incidents, deadAndMissing, threshold, null),
                        ids(counted)));
            }
        }
        return Optional.empty();
    }

    private static Optional<Crossing> spike(AlertRuleSet rule, LocalDate day,
                                            Function<LocalDate, List<CellEntry>> cells) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate sunday = monday.plusDays(6);
        List<CellEntry> thisWeek = counted(rule, monday, sunday, cells);
        int baseline = counted(rule, monday.minusWeeks(rule.baselineWeeks()), monday.minusDays(1), cells).size();
        double mean = (double) baseline / rule.baselineWeeks();
        int needed = (int) Math.max(rule.minCount(), Math.ceil(rule.factor() * mean));
        if (thisWeek.size() < needed) {
            return Optional.empty();
        }
        int deadAndMissing = thisWeek.stream().mapToInt(CellEntry::deadAndMissing).sum();
        return Optional.of(new Crossing(monday, sunday, new AlertFigures(thisWeek.size(), deadAndMissing, needed, mean),
                ids(thisWeek)));
    }

    private static List<CellEntry> counted(AlertRuleSet rule, LocalDate from, LocalDate to,
                                           Function<LocalDate, List<CellEntry>> cells) {
        List<CellEntry> counted = new ArrayList<>();
        for (LocalDate x = from; !x.isAfter(to); x = x.plusDays(1)) {
            for (CellEntry entry : cells.apply(x)) {
                boolean ofType = rule.incidentTypes() == null || rule.incidentTypes().isEmpty()
                        || rule.incidentTypes().contains(entry.type());
                if (ofType && entry.visibleTo(rule.organisation())) {
                    counted.add(entry);
                }
            }
        }
        return counted;
    }

    private static List<String> ids(List<CellEntry> entries) {
        return List.copyOf(new TreeSet<>(entries.stream().map(CellEntry::incidentId).toList()));
    }

    /** Cells as a map, for callers that fetched them in one read. */
    static Function<LocalDate, List<CellEntry>> from(Map<LocalDate, List<CellEntry>> cells) {
        return from(cells, Long.MAX_VALUE);
    }

    /**
     * Cells as a map, as they were at the event at {@code position}: without the entries later events put there. The
     * evaluator handles events in order, so in a first pass no entry is later than the event; a batch handed again
     * after a crash finds its later events' entries already written (its cells went before its states, or all its
     * writes before its token), and counting them would raise an alert on reports that never stood together.
     */
    static Function<LocalDate, List<CellEntry>> from(Map<LocalDate, List<CellEntry>> cells, long position) {
        return day -> cells.getOrDefault(day, List.of()).stream().filter(entry -> entry.putAt() <= position).toList();
    }
}
