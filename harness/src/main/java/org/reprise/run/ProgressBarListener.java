package org.reprise.run;

import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.reprise.train.EvalPoint;
import org.reprise.train.TrainingListener;

/** A terminal progress bar with ETA for one run, showing the latest loss and evaluation. */
final class ProgressBarListener implements TrainingListener {
    private final String name;
    private ProgressBar bar;
    private String lastEval = "";

    ProgressBarListener(String name) {
        this.name = name;
    }

    @Override
    public void onStart(long firstStep, long totalSteps) {
        bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(totalSteps).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500).showSpeed().build();
        bar.stepTo(firstStep);
    }

    @Override
    public void onStep(long completedSteps, double loss) {
        bar.stepTo(completedSteps);
        bar.setExtraMessage(String.format(Locale.ROOT, "loss %.3f%s", loss, lastEval));
    }

    @Override
    public void onEvaluation(EvalPoint point) {
        StringBuilder text = new StringBuilder(" |");
        point.metrics().forEach((k, v) -> text.append(String.format(Locale.ROOT, " %s %.4f", k, v)));
        lastEval = text.toString();
    }

    @Override
    public void onEnd() {
        if (bar != null) {
            bar.close();
        }
    }
}
