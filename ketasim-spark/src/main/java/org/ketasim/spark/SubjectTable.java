package org.ketasim.spark;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.ketasim.population.Scale;
import org.ketasim.trial.TrialRunner;
import org.ketasim.trial.TrialSpec;
import org.ketasim.trial.TrialSpec.Endpoint;

/**
 * Per-subject results as a table, one row per subject, written as Parquet.
 *
 * <p>Columns: {@code arm} (name), {@code arm_index}, {@code subject} (index in the arm; with the seed, it
 * identifies the virtual patient), {@code ep_<endpoint>} for each endpoint measured at a time (the subject's rated
 * score on the endpoint's scale at that time), {@code baseline_<scale>} (rated score at time 0), and the whole
 * course on the trial's time grid: {@code true_madrs} (the model's MADRS, no rater noise) and
 * {@code rated_<scale>} (with rater noise) for each scale the endpoints use. The grid's times (h) are the
 * result JSON's {@code arms[].trajectory.time_h}. Names are lower case, with characters other than letters,
 * digits and {@code _} replaced by {@code _}.
 */
public final class SubjectTable {

    private SubjectTable() {
    }

    /** The table's schema for a specification. */
    public static StructType schema(TrialSpec spec) {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("arm", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("arm_index", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("subject", DataTypes.IntegerType, false));
        for (Endpoint e : timed(spec)) {
            f.add(DataTypes.createStructField("ep_" + column(e.name()), DataTypes.DoubleType, false));
        }
        for (Scale s : scales(spec)) {
            f.add(DataTypes.createStructField("baseline_" + column(s.name()), DataTypes.DoubleType, false));
        }
        f.add(DataTypes.createStructField("true_madrs", DataTypes.createArrayType(DataTypes.DoubleType, false), false));
        for (Scale s : scales(spec)) {
            f.add(DataTypes.createStructField("rated_" + column(s.name()), DataTypes.createArrayType(DataTypes.DoubleType, false), false));
        }
        return DataTypes.createStructType(f);
    }

    /** Writes the subjects as Parquet to {@code location} (a folder that must not exist). */
    static void write(SparkSession spark, TrialSpec spec, JavaRDD<SubjectRecord> subjects, String location) {
        JavaRDD<Row> rows = subjects.map(new ToRow(spec));
        spark.createDataFrame(rows, schema(spec)).write().parquet(location);
    }

    /** Endpoints measured at one time (not the relapse endpoints). */
    static List<Endpoint> timed(TrialSpec spec) {
        return spec.endpoints().stream().filter(e -> !Double.isNaN(e.atH())).toList();
    }

    /** Scales rated, in the order of the ratings: MADRS and those of the endpoints, in enum order. */
    static Set<Scale> scales(TrialSpec spec) {
        Set<Scale> s = EnumSet.of(Scale.MADRS);
        spec.endpoints().forEach(e -> s.add(e.scale()));
        return s;
    }

    static String column(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    /** A subject to a row; built on the driver, applied on executors. */
    private static final class ToRow implements Function<SubjectRecord, Row> {
        private static final long serialVersionUID = 1L;
        private final String[] armNames;
        private final Scale[] epScales;
        private final int[] epIndex;
        private final Scale[] scales;

        ToRow(TrialSpec spec) {
            armNames = spec.arms().stream().map(TrialSpec.Arm::name).toArray(String[]::new);
            double[] grid = TrialRunner.grid(spec);
            double first = TrialRunner.firstDose(spec);
            List<Endpoint> timed = timed(spec);
            epScales = timed.stream().map(Endpoint::scale).toArray(Scale[]::new);
            epIndex = timed.stream().mapToInt(e -> nearest(grid, first + e.atH())).toArray();
            scales = new LinkedHashSet<>(scales(spec)).toArray(Scale[]::new);
        }

        @Override
        public Row call(SubjectRecord r) {
            List<Object> v = new ArrayList<>();
            v.add(armNames[r.arm()]);
            v.add(r.arm());
            v.add(r.subject());
            for (int k = 0; k < epIndex.length; k++) {
                v.add(r.ratings().on(epScales[k])[epIndex[k]]);
            }
            for (Scale s : scales) {
                v.add(r.ratings().on(s)[0]);
            }
            v.add(r.ratings().trueMadrs());
            for (Scale s : scales) {
                v.add(r.ratings().on(s));
            }
            return RowFactory.create(v.toArray());
        }

        private static int nearest(double[] grid, double t) {
            int best = 0;
            for (int k = 1; k < grid.length; k++) {
                if (Math.abs(grid[k] - t) < Math.abs(grid[best] - t)) {
                    best = k;
                }
            }
            return best;
        }
    }
}
