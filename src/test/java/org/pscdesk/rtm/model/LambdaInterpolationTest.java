package org.pscdesk.rtm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Placing a λ on a path, against {@code glmnet:::lambda.interp} (reference/enet_lambda_interp.csv). */
class LambdaInterpolationTest {

    @Test
    void placesLambdasAsGlmnetDoes() {
        double[] lambda = ElasticNetFixture.table("enet_bands_path.csv").column("lambda");
        ElasticNetFixture.Table expected = ElasticNetFixture.table("enet_lambda_interp.csv");
        double[] s = expected.column("s");
        double[] left = expected.column("left");
        double[] right = expected.column("right");
        double[] frac = expected.column("frac");
        for (int i = 0; i < s.length; i++) {
            LambdaInterpolation.Point pt = LambdaInterpolation.of(lambda, s[i]);
            String what = "s = " + s[i];
            assertEquals((int) left[i] - 1, pt.left(), what);
            assertEquals((int) right[i] - 1, pt.right(), what);
            assertEquals(frac[i], pt.fraction(), 1e-12, what);
        }
    }

    @Test
    void singleLambdaPathGivesItsOnlySolution() {
        LambdaInterpolation.Point pt = LambdaInterpolation.of(new double[] {0.3}, 0.01);
        assertEquals(0, pt.left());
        assertEquals(0, pt.right());
        assertEquals(1.0, pt.fraction());
    }
}
