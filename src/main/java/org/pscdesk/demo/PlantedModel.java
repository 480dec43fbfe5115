package org.pscdesk.demo;

import java.util.List;
import java.util.Objects;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The risk model the demo's incidents are drawn from, which an RTM run on the demo must recover
 * (docs/demo-city.md). For every in-study cell c of the grid,
 * <pre>  log μ_c = b0 + Σ_k β_k x_k(c),   y_c ~ NB2(μ_c, θ),   Var(y_c) = μ_c + μ_c²/θ,</pre>
 * where each x_k is a binary RTM variable of one factor layer: proximity (distance from the cell centre to
 * the nearest feature ≤ d) or high density (quartic KDE at bandwidth d above μ + 2σ), and β_k = ln RRV_k
 * (rtm-method.md §2.4). Every other factor layer is noise: it has no effect.
 *
 * @param b0 intercept: the log of the expected count of a cell with no planted factor
 * @param theta NB2 shape θ (MASS's {@code theta}); larger is closer to Poisson
 * @param terms the planted factors
 */
record PlantedModel(double b0, double theta, List<Term> terms) {

    /** How a factor's spatial influence is turned into a binary cell variable (rtm-method §1.3). */
    enum Influence {
        PROXIMITY,
        DENSITY
    }

    /**
     * One planted factor.
     *
     * @param layer the factor layer's name
     * @param influence proximity or density
     * @param distance the band (proximity) or bandwidth (density), in metres
     * @param rrv the relative risk value exp(β)
     */
    record Term(String layer, Influence influence, double distance, double rrv) {
        Term {
            Objects.requireNonNull(layer);
            Objects.requireNonNull(influence);
            if (!(distance > 0) || !(rrv > 0)) {
                throw new IllegalArgumentException("distance and RRV must be positive");
            }
        }

        /** β = ln RRV. */
        double beta() {
            return Math.log(rrv);
        }

        /**
         * The binary variable x(c) of this term over the grid (false outside the study).
         *
         * @param features the factor layer's geometries: all points, or (proximity only) all polygons
         */
        boolean[] variable(StudyGrid grid, List<? extends Geometry> features) {
            if (features.stream().allMatch(g -> g instanceof Point)) {
                double[] xs = new double[features.size()];
                double[] ys = new double[features.size()];
                for (int i = 0; i < xs.length; i++) {
                    Point p = (Point) features.get(i);
                    xs[i] = p.getX();
                    ys[i] = p.getY();
                }
                return influence == Influence.PROXIMITY
                        ? Proximity.within(grid, Proximity.toPoints(grid, xs, ys, distance), distance)
                        : QuarticDensity.high(grid, QuarticDensity.of(grid, xs, ys, distance));
            }
            if (influence == Influence.PROXIMITY && features.stream().allMatch(g -> g instanceof Polygon)) {
                List<Polygon> polygons = features.stream().map(g -> (Polygon) g).toList();
                return Proximity.within(grid, Proximity.toPolygons(grid, polygons, distance), distance);
            }
            throw new IllegalArgumentException(layer + ": " + influence + " needs points, or polygons for proximity");
        }
    }

    /** The model of the demo city. */
    static final PlantedModel DEMO = new PlantedModel(0.25, 2.0, List.of(
            new Term("liquor_stores", Influence.PROXIMITY, 400, 2.0),
            new Term("vacant_lots", Influence.PROXIMITY, 100, 2.5),
            new Term("bus_stops", Influence.DENSITY, 400, 1.7)));

    PlantedModel {
        terms = List.copyOf(terms);
        if (!(theta > 0)) {
            throw new IllegalArgumentException("theta must be positive");
        }
    }

    /**
     * μ_c = exp(b0 + Σ β_k x_k(c)) for in-study cells, 0 outside.
     *
     * @param variables x_k over the grid, in the order of {@link #terms()}
     */
    double[] mu(StudyGrid grid, List<boolean[]> variables) {
        double[] mu = new double[grid.size()];
        for (int i = 0; i < mu.length; i++) {
            if (!grid.inStudy(i)) {
                continue;
            }
            double eta = b0;
            for (int k = 0; k < terms.size(); k++) {
                if (variables.get(k)[i]) {
                    eta += terms.get(k).beta();
                }
            }
            mu[i] = Math.exp(eta);
        }
        return mu;
    }
}
