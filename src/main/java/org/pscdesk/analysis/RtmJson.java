package org.pscdesk.analysis;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.pscdesk.rtm.model.Coefficient;
import org.pscdesk.rtm.model.Family;
import org.pscdesk.rtm.model.GlmFit;
import org.pscdesk.rtm.select.FamilySelection;

/**
 * The JSON result of {@code pscdesk rtm} (issue 5 item 7): the keys are a contract. Numbers are written at
 * full precision; undefined values (NaN) are written as null, never as NaN.
 */
public final class RtmJson {

    private RtmJson() {
    }

    public static String write(RtmResult r, long elapsedMs) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            GlmFit fit = r.selection().chosen().fit();
            g.writeStartObject();
            g.writeStringField("family", r.selection().family().label());
            g.writeNumberField("n_cells", r.design().n());
            g.writeNumberField("n_events", r.events());
            number(g, "intercept", fit.intercept().estimate());
            number(g, "log_likelihood", fit.logLik());
            number(g, "bic", fit.bic());
            number(g, "aic", fit.aic());
            if (r.selection().family() == Family.NB2) {
                number(g, "theta", fit.theta());
            } else if (r.selection().family() == Family.NBII) {
                number(g, "sigma", fit.sigma());
            }
            number(g, "nagelkerke_r2", r.nagelkerke());
            g.writeObjectFieldStart("families");
            for (var e : r.selection().families().entrySet()) {
                FamilySelection s = e.getValue();
                number(g, e.getKey().label(), s.bic());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("candidates");
            for (String name : r.design().names()) {
                g.writeString(name);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("screened");
            for (int j : r.screened()) {
                g.writeString(r.design().name(j));
            }
            g.writeEndArray();
            if (r.screen() == null) {
                g.writeNullField("screen");
            } else {
                g.writeObjectFieldStart("screen");
                number(g, "alpha", r.screen().alpha());
                number(g, "lambda_max", r.screen().lambdaMax());
                number(g, "lambda", r.screen().lambda());
                g.writeNumberField("folds", r.screen().folds());
                g.writeEndObject();
            }
            g.writeArrayFieldStart("terms");
            for (Coefficient c : fit.terms()) {
                Candidate v = r.candidates().get(c.variable());
                g.writeStartObject();
                g.writeStringField("name", c.name());
                g.writeStringField("factor", v.factor());
                g.writeStringField("operationalization", v.operationalization());
                number(g, "distance", v.distance());
                number(g, "coefficient", c.estimate());
                number(g, "std_error", c.standardError());
                number(g, "p_value", c.pValue());
                number(g, "rrv", c.rrv());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("rrs");
            number(g, "min", r.risk().min());
            number(g, "max", r.risk().max());
            number(g, "mean", r.risk().mean());
            number(g, "sd", r.risk().sd());
            g.writeEndObject();
            g.writeNumberField("highest_risk_cells", r.risk().highestRiskCount());
            if (r.validation() == null) {
                g.writeNullField("validation");
            } else {
                g.writeObjectFieldStart("validation");
                number(g, "pai", r.validation().pai());
                number(g, "pei", r.validation().pei());
                number(g, "auc", r.validation().auc());
                number(g, "hit_rate", r.validation().hitRate());
                g.writeEndObject();
            }
            g.writeArrayFieldStart("notes");
            for (String n : r.notes()) {
                g.writeString(n);
            }
            g.writeEndArray();
            g.writeNumberField("elapsed_ms", elapsedMs);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void number(JsonGenerator g, String key, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(key, v);
        } else {
            g.writeNullField(key);
        }
    }
}
