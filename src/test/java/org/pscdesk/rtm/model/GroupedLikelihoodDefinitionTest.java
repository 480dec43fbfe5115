package org.pscdesk.rtm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The fitted models against their definitions, row by row (no grouping): at the reported coefficients the
 * log-likelihood equals the per-row sum of the log-pmf, and the score is 0.
 */
class GroupedLikelihoodDefinitionTest {

    private static final List<String> VARS = List.of("bars_proximity_1", "bus_stops_proximity_2", "parks_proximity_2",
            "slope");

    private static double[] eta(Design d, GlmFit fit) {
        double[] eta = new double[d.n()];
        for (Coefficient c : fit.coefficients()) {
            for (int i = 0; i < d.n(); i++) {
                eta[i] += c.estimate() * (c.isIntercept() ? 1 : d.column(c.variable())[i]);
            }
        }
        return eta;
    }

    @Test
    void poissonLogLikelihoodAndScoreRowByRow() {
        Design d = GlmReference.design("fx2");
        GlmFit fit = PoissonGlm.fit(d, GlmReference.indices(d, VARS));
        double[] eta = eta(d, fit);
        double ll = 0;
        double[] score = new double[fit.coefficients().size()];
        for (int i = 0; i < d.n(); i++) {
            int y = d.y()[i];
            double mu = Math.exp(eta[i]);
            ll += y * eta[i] - mu - SpecialFunctions.logGamma(y + 1.0);
            for (int j = 0; j < score.length; j++) {
                Coefficient c = fit.coefficients().get(j);
                score[j] += (c.isIntercept() ? 1 : d.column(c.variable())[i]) * (y - mu);
            }
        }
        assertEquals(ll, fit.logLik(), 1e-9 * Math.abs(ll));
        for (double s : score) {
            assertEquals(0, s, 1e-6);
        }
    }

    @Test
    void nb2LogLikelihoodAndThetaScoreRowByRow() {
        Design d = GlmReference.design("fx2");
        GlmFit fit = NegBinomial2Glm.fit(d, GlmReference.indices(d, VARS));
        double th = fit.theta();
        double[] eta = eta(d, fit);
        double ll = 0;
        double thetaScore = 0;
        for (int i = 0; i < d.n(); i++) {
            int y = d.y()[i];
            double mu = Math.exp(eta[i]);
            ll += SpecialFunctions.logGamma(th + y) - SpecialFunctions.logGamma(th) - SpecialFunctions.logGamma(y + 1.0)
                    + th * Math.log(th) + y * eta[i] - (th + y) * Math.log(th + mu);
            thetaScore += SpecialFunctions.digamma(th + y) - SpecialFunctions.digamma(th) + Math.log(th) + 1
                    - Math.log(th + mu) - (y + th) / (mu + th);
        }
        assertEquals(ll, fit.logLik(), 1e-9 * Math.abs(ll));
        // glm.nb stops theta.ml when its Newton step is below 1.2e-4: the score is small, not 0
        assertEquals(0, thetaScore, 1e-3);
    }

    @Test
    void nbiiLogLikelihoodAndGradientRowByRow() {
        Design d = GlmReference.design("fx3");
        List<String> vars = List.of("bars_proximity_3", "bus_stops_density_2", "parks_proximity_2");
        GlmFit fit = NegBinomial1Glm.fit(d, GlmReference.indices(d, vars));
        double sigma = fit.sigma();
        double s = Math.log(sigma);
        double[] eta = eta(d, fit);
        double ll = 0;
        double[] grad = new double[fit.coefficients().size() + 1];
        for (int i = 0; i < d.n(); i++) {
            int y = d.y()[i];
            double a = Math.exp(eta[i]) / sigma;
            ll += SpecialFunctions.logGamma(y + a) - SpecialFunctions.logGamma(a) + y * s
                    - SpecialFunctions.logGamma(y + 1.0) - (y + a) * Math.log1p(sigma);
            double gEta = a * (SpecialFunctions.digamma(y + a) - SpecialFunctions.digamma(a) - Math.log1p(sigma));
            for (int j = 0; j < grad.length - 1; j++) {
                Coefficient c = fit.coefficients().get(j);
                grad[j] += (c.isIntercept() ? 1 : d.column(c.variable())[i]) * gEta;
            }
            grad[grad.length - 1] += y - (y + a) * sigma / (1 + sigma) - gEta;
        }
        assertEquals(ll, fit.logLik(), 1e-10 * Math.abs(ll));
        for (double g : grad) {
            assertEquals(0, g, 1e-6);
        }
    }
}
