package org.pscdesk.rtm.model;

import java.util.List;
import java.util.Properties;

import org.pscdesk.rtm.select.FamilySelection;
import org.pscdesk.rtm.select.StepwiseBic;
import org.pscdesk.rtm.select.StepwiseOptions;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.Progress;

/**
 * Prints to standard error the largest deviations of our fits from R's fixture numbers, per quantity and
 * family (for the issue report; the tests assert the tolerances). Run after {@code mvn test-compile}:
 * <pre>
 *   java -cp target/classes:target/test-classes org.pscdesk.rtm.model.Stage2Deviations
 * </pre>
 */
public final class Stage2Deviations {

    private Stage2Deviations() {
    }

    private static final class Max {
        double coef;
        double se;
        double loglik;
        double bic;
        double dispersion;
        double dispersionSe;

        void coef(GlmFit fit, double[] r) {
            double[] b = fit.estimates();
            double[] rr = java.util.Arrays.stream(r).filter(v -> !Double.isNaN(v)).toArray();
            for (int j = 0; j < b.length; j++) {
                coef = Math.max(coef, Math.abs(b[j] - rr[j]));
            }
        }

        void se(GlmFit fit, double[] r) {
            double[] rr = java.util.Arrays.stream(r).filter(v -> !Double.isNaN(v)).toArray();
            for (int j = 0; j < rr.length; j++) {
                se = Math.max(se, rel(rr[j], fit.coefficients().get(j).standardError()));
            }
        }

        @Override
        public String toString() {
            return String.format("coef %.2e abs, SE %.2e rel, logLik %.2e rel, BIC %.2e rel, dispersion %.2e rel,"
                    + " dispersion SE %.2e rel", coef, se, loglik, bic, dispersion, dispersionSe);
        }
    }

    private static double rel(double expected, double actual) {
        return Math.abs(expected - actual) / Math.abs(expected);
    }

    public static void main(String[] args) throws Exception {
        Max poisson = new Max();
        Max nb2 = new Max();
        Max nbii = new Max();
        for (String fx : List.of("fx1", "fx2", "fx3", "fx4")) {
            Design d = GlmReference.design(fx);
            ModelFrame frame = ModelFrame.of(d);
            for (String model : List.of("full", "null")) {
                Properties r = GlmReference.properties("glm_" + fx + "_" + model + ".properties");
                GlmFit fit = new PoissonGlm().fit(frame, GlmReference.indices(d, GlmReference.strings(r, "vars")), null);
                poisson.coef(fit, GlmReference.doubles(r, "coef"));
                poisson.se(fit, GlmReference.doubles(r, "se"));
                poisson.loglik = Math.max(poisson.loglik, rel(GlmReference.number(r, "loglik"), fit.logLik()));
                poisson.bic = Math.max(poisson.bic, rel(GlmReference.number(r, "bic"), fit.bic()));
            }
            for (String model : List.of("full", "null", "init")) {
                String file = "nb2_" + fx + "_" + model + ".properties";
                if (GlmReference.class.getResource("/org/pscdesk/rtm/reference/" + file) == null) {
                    continue;
                }
                Properties r = GlmReference.properties(file);
                String init = r.getProperty("init_theta").trim();
                GlmFit fit = new NegBinomial2Glm().fit(frame, GlmReference.indices(d, GlmReference.strings(r, "vars")),
                        null, init.isEmpty() ? Double.NaN : Double.parseDouble(init));
                nb2.coef(fit, GlmReference.doubles(r, "coef"));
                nb2.se(fit, GlmReference.doubles(r, "se"));
                nb2.loglik = Math.max(nb2.loglik, rel(GlmReference.number(r, "loglik"), fit.logLik()));
                nb2.bic = Math.max(nb2.bic, rel(GlmReference.number(r, "bic"), fit.bic()));
                nb2.dispersion = Math.max(nb2.dispersion, rel(GlmReference.number(r, "theta"), fit.theta()));
                nb2.dispersionSe = Math.max(nb2.dispersionSe, rel(GlmReference.number(r, "theta_se"), fit.thetaStdError()));
            }
            for (String model : List.of("full", "null", "planted")) {
                String file = "nbii_" + fx + "_" + model + ".properties";
                if (GlmReference.class.getResource("/org/pscdesk/rtm/reference/" + file) == null) {
                    continue;
                }
                Properties r = GlmReference.properties(file);
                GlmFit fit = NegBinomial1Glm.fit(d, GlmReference.indices(d, GlmReference.strings(r, "vars")));
                nbii.coef(fit, GlmReference.doubles(r, "coef"));
                nbii.se(fit, GlmReference.doubles(r, "se"));
                nbii.loglik = Math.max(nbii.loglik, rel(GlmReference.number(r, "loglik"), fit.logLik()));
                nbii.bic = Math.max(nbii.bic, rel(GlmReference.number(r, "bic"), fit.bic()));
                nbii.dispersion = Math.max(nbii.dispersion, rel(GlmReference.number(r, "sigma"), fit.sigma()));
                double rse = GlmReference.number(r, "logsigma_se");
                if (!Double.isNaN(rse)) {
                    nbii.dispersionSe = Math.max(nbii.dispersionSe, rel(rse, fit.logSigmaStdError()));
                }
            }
        }
        Max stepPoisson = new Max();
        Max stepNb2 = new Max();
        Max stepNbii = new Max();
        double pathMax = 0;
        for (String fx : List.of("fx1", "fx2", "fx3", "fx4")) {
            Design d = GlmReference.design(fx);
            Properties r = GlmReference.properties("step_" + fx + ".properties");
            int[] candidates = GlmReference.indices(d, GlmReference.strings(r, "candidates"));
            for (Family family : List.of(Family.POISSON, Family.NB2, Family.NBII)) {
                for (String rule : List.of("any", "onefactor")) {
                    FamilySelection s = new StepwiseBic(new StepwiseOptions().withFamily(family)
                            .withOnePerFactor(rule.equals("onefactor"))).run(ModelFrame.of(d), candidates,
                            Progress.NONE, Cancellation.none()).chosen();
                    String prefix = family.label() + "." + rule + ".";
                    Max max = family == Family.POISSON ? stepPoisson : family == Family.NB2 ? stepNb2 : stepNbii;
                    max.coef(s.fit(), GlmReference.doubles(r, prefix + "coef"));
                    max.se(s.fit(), GlmReference.doubles(r, prefix + "se"));
                    max.loglik = Math.max(max.loglik, rel(GlmReference.number(r, prefix + "loglik"), s.fit().logLik()));
                    max.bic = Math.max(max.bic, rel(GlmReference.number(r, prefix + "bic"), s.bic()));
                    if (family == Family.NB2) {
                        max.dispersion = Math.max(max.dispersion, rel(GlmReference.number(r, prefix + "theta"),
                                s.fit().theta()));
                        max.dispersionSe = Math.max(max.dispersionSe, rel(GlmReference.number(r, prefix + "theta_se"),
                                s.fit().thetaStdError()));
                    }
                    double[] path = GlmReference.doubles(r, prefix + "path");
                    pathMax = Math.max(pathMax, rel(path[0], s.nullBic()));
                    for (int i = 0; i < s.steps().size(); i++) {
                        pathMax = Math.max(pathMax, rel(path[i + 1], s.steps().get(i).bic()));
                    }
                }
            }
        }
        System.err.println("Poisson vs glm:          " + poisson);
        System.err.println("NB2 vs MASS::glm.nb:     " + nb2);
        System.err.println("NBII vs R ML optimum:    " + nbii);
        System.err.println("stepwise Poisson (final): " + stepPoisson);
        System.err.println("stepwise NB2 (final):     " + stepNb2);
        System.err.println("stepwise NBII (final):    " + stepNbii);
        System.err.printf("stepwise BIC paths: %.2e rel%n", pathMax);
    }
}
