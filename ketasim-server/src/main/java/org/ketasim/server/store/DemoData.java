package org.ketasim.server.store;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.ketasim.server.clinical.Consultation;
import org.ketasim.server.clinical.DrugClass;
import org.ketasim.server.clinical.HistoryFlag;
import org.ketasim.server.clinical.Instrument;
import org.ketasim.server.clinical.Role;
import org.ketasim.server.clinical.SessionChecks;
import org.ketasim.server.clinical.VitalSigns;
import org.ketasim.server.web.Passwords;

/** The standard protocol templates, and the fictional accounts and patients of {@code ketasim serve --demo}. */
public final class DemoData {

    private DemoData() {
    }

    /** Adds the two standard protocol templates when there are none (clinics may edit them). */
    public static void seedProtocols(ClinicStore store) {
        if (!store.protocols().isEmpty()) {
            return;
        }
        store.saveProtocol(null, null, "IV induction: 6 x 0.5 mg/kg over 40 min", "INDUCTION", 0.5, 40, 6, 21, 2, "0,2,4,7,9,11",
                "Six infusions of racemic ketamine HCl 0.5 mg/kg over 40 min within 2-3 weeks (e.g. days 0, 2, 4, 7, 9, 11), "
                        + "after aan het Rot 2010 and Murrough 2013b. Review response (PHQ-9/MADRS) before each infusion.");
        store.saveProtocol(null, null, "IV maintenance booster", "MAINTENANCE", 0.5, 40, 4, 84, 14, "",
                "Single booster infusions, 0.5 mg/kg over 40 min, at least 2 weeks apart, when the score rises again "
                        + "after a successful induction; review the need at each visit.");
    }

    /** Loads the demo accounts and four fictional patients, once; prints how to log in. */
    public static void load(ClinicStore store, Passwords passwords, PrintStream out) {
        boolean fresh = store.userByName("physician").isEmpty();
        boolean demoAdmin = store.userByName("admin").isEmpty();
        if (fresh) {
            if (demoAdmin) {
                store.createUser(null, "admin", "Demo Administrator", Role.ADMINISTRATOR, passwords.hash("demo-admin-pass"), false);
            }
            var phys = store.createUser(null, "physician", "Dr Demo Physician", Role.PHYSICIAN, passwords.hash("demo-physician-pass"), false);
            var nurse = store.createUser(null, "nurse", "Demo Nurse", Role.NURSE, passwords.hash("demo-nurse-pass"), false);
            patients(store, new ClinicStore.Actor(phys.id(), phys.username(), Role.PHYSICIAN),
                    new ClinicStore.Actor(nurse.id(), nurse.username(), Role.NURSE));
        }
        out.println("ketasim serve --demo: FICTIONAL accounts and patients (never use --demo with real patient data).");
        out.println("  physician / demo-physician-pass     nurse / demo-nurse-pass     "
                + (fresh && !demoAdmin ? "admin: the administrator created before (its own password)" : "admin / demo-admin-pass")
                + (fresh ? "" : "   (loaded earlier)"));
    }

    private static void patients(ClinicStore store, ClinicStore.Actor phys, ClinicStore.Actor nurse) {
        Instant now = Instant.now();
        long induction = store.protocols().get(0).id();

        var ada = store.createPatient(nurse, "DEMO-001", "Ada", "Demo", LocalDate.now().minusYears(46).minusDays(40), "FEMALE");
        store.addConsultation(phys, new Consultation(null, ada.id(), 72, 168.0, new Consultation.BaselineVitals(128, 82, 72, 98),
                List.of("Major depressive disorder, recurrent, treatment-resistant (3 failed antidepressants)"),
                List.of(new Consultation.Medication("Sertraline 150 mg", DrugClass.SSRI, null)), EnumSet.noneOf(HistoryFlag.class),
                "Fictional demo patient.", null, null));
        course(store, phys, nurse, ada.id(), induction, 72, now, new double[] {-30, -28, -26, -23, -21, -19}, false);
        scores(store, nurse, ada.id(), now, new double[] {-30.1, -29, -23.1, -16, -9, -2}, new int[] {19, 12, 9, 6, 4, 8});

        var ben = store.createPatient(nurse, "DEMO-002", "Ben", "Example", LocalDate.now().minusYears(58).minusDays(100), "MALE");
        store.addConsultation(phys, new Consultation(null, ben.id(), 90, 181.0, new Consultation.BaselineVitals(142, 88, 78, 97),
                List.of("Major depressive disorder, treatment-resistant", "Essential hypertension, treated"),
                List.of(new Consultation.Medication("Amlodipine 5 mg", DrugClass.ANTIHYPERTENSIVE, null),
                        new Consultation.Medication("Lorazepam 1 mg at night", DrugClass.BENZODIAZEPINE, 1.0)),
                EnumSet.of(HistoryFlag.CARDIOVASCULAR_DISEASE), "Fictional demo patient.", null, null));
        course(store, phys, nurse, ben.id(), induction, 90, now, new double[] {-20, -18, -16, -13, -11, -9}, true);
        scores(store, nurse, ben.id(), now, new double[] {-20.1, -19, -13.1, -6, -1}, new int[] {21, 15, 13, 12, 11});

        var chloe = store.createPatient(nurse, "DEMO-003", "Chloe", "Sample", LocalDate.now().minusYears(33).minusDays(200), "FEMALE");
        store.addConsultation(phys, new Consultation(null, chloe.id(), 61, 165.0, new Consultation.BaselineVitals(118, 76, 70, 99),
                List.of("Post-traumatic stress disorder", "Major depressive disorder"), List.of(), EnumSet.noneOf(HistoryFlag.class),
                "Fictional demo patient.", null, null));
        course(store, phys, nurse, chloe.id(), induction, 61, now, new double[] {-12, -10, -8, -5}, false);
        scores(store, nurse, chloe.id(), now, new double[] {-12.1, -11, -5.1, -1}, new int[] {16, 7, 4, 3});

        var dan = store.createPatient(nurse, "DEMO-004", "Dan", "Placeholder", LocalDate.now().minusYears(40), "MALE");
        store.addConsultation(phys, new Consultation(null, dan.id(), 80, null, new Consultation.BaselineVitals(124, 80, 66, 98),
                List.of("Major depressive disorder"), List.of(), EnumSet.of(HistoryFlag.SUBSTANCE_USE_ACTIVE),
                "Fictional demo patient: screened out.", null, null));
        store.screen(phys, dan.id());
    }

    private static void course(ClinicStore store, ClinicStore.Actor phys, ClinicStore.Actor nurse, long patientId, long protocolId,
                               double weightKg, Instant now, double[] days, boolean hypertensive) {
        var screening = store.screen(phys, patientId);
        if (!screening.fired().isEmpty()) {
            store.override(phys, patientId, screening.id(), "Demo: relative contraindications reviewed; BP treated and stable, "
                    + "benzodiazepine dose low; proceed with BP checks every 10 min.");
        }
        var plan = store.createPlan(phys, patientId, protocolId, null, null, days.length, null, "Demo plan");
        store.signPlan(phys, patientId, plan.id());
        for (int k = 0; k < days.length; k++) {
            Instant start = now.plus(Duration.ofMinutes((long) (days[k] * 1440)));
            int base = hypertensive ? 138 : 120;
            var s = store.startSession(nurse, patientId, plan.id(), weightKg, 10, 100,
                    new SessionChecks.PreInfusion(true, true, true, true, false, new VitalSigns(0, base, base * 2 / 3, 74, 98, 14)));
            backdate(store, s.id(), start);
            int[] minutes = {10, 20, 30, 40, 60, 80};
            int[] rise = {6, 10, 12, 9, 4, 1};
            for (int m = 0; m < minutes.length; m++) {
                int sbp = base + rise[m] + (hypertensive && k == 1 && minutes[m] == 30 ? 44 : 0);
                store.recordVitals(nurse, s.id(), new VitalSigns(minutes[m], sbp, sbp * 2 / 3, 76 + rise[m] / 2, 97, 14));
            }
            store.recordQuestionnaire(nurse, patientId, s.id(), Instrument.CADSS, cadss(k == 0 ? 12 : 6), start.plusSeconds(40 * 60));
            store.recordQuestionnaire(nurse, patientId, s.id(), Instrument.CADSS, cadss(0), start.plusSeconds(80 * 60));
            store.endSession(nurse, s.id(), new SessionChecks.Discharge(true, true, true, true, 0, 40), false, null);
            store.database().tx(c -> Sql.update(c, "UPDATE infusion_sessions SET ended_at = ? WHERE id = ?", start.plusSeconds(120 * 60), s.id()));
        }
    }

    private static void backdate(ClinicStore store, long sessionId, Instant start) {
        store.database().tx(c -> {
            Sql.update(c, "UPDATE infusion_sessions SET started_at = ? WHERE id = ?", start, sessionId);
            return null;
        });
    }

    private static List<Integer> cadss(int total) {
        Integer[] a = new Integer[23];
        for (int i = 0; i < 23; i++) {
            a[i] = 0;
        }
        for (int i = 0; i < total; i++) {
            a[i % 23]++;
        }
        return List.of(a);
    }

    private static void scores(ClinicStore store, ClinicStore.Actor nurse, long patientId, Instant now, double[] days, int[] totals) {
        for (int k = 0; k < days.length; k++) {
            store.recordQuestionnaire(nurse, patientId, null, Instrument.PHQ9, phq9(totals[k]), now.plus(Duration.ofMinutes((long) (days[k] * 1440))));
        }
    }

    private static List<Integer> phq9(int total) {
        Integer[] a = {0, 0, 0, 0, 0, 0, 0, 0, 0};
        for (int i = 0; i < total; i++) {
            a[i % 8] = Math.min(3, a[i % 8] + 1);
        }
        int sum = 0;
        for (int x : a) {
            sum += x;
        }
        for (int i = 0; sum < total && i < 8; i++) {
            while (a[i] < 3 && sum < total) {
                a[i]++;
                sum++;
            }
        }
        return List.of(a);
    }
}
