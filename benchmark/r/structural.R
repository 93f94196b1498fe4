# The structural analyses of StructuralBench, the way an R user computes them: t tests and
# Levene by 性别, one-way ANOVA, Welch and TukeyHSD by 年龄, the hierarchical regression with
# 性别 as a factor (lm, anova, confint, car::vif), the moderation PS x PO -> HD (lm), and the
# mediation HR -> MA -> HD with boot's percentile bootstrap. Usage:
#   Rscript structural.R DATA.csv CONSTRUCTS.txt RESAMPLES
# At 10^6 rows each resample refits two models on a million rows, so the benchmark runs a few
# resamples and scales the bootstrap's time to 5,000 (it prints both).
args <- commandArgs(trailingOnly = TRUE)
suppressPackageStartupMessages({
  library(car)
  library(boot)
})
resamples <- as.integer(args[3])
lines <- strsplit(readLines(args[2]), " ")
constructs <- setNames(lapply(lines, function(l) l[-1]), sapply(lines, `[`, 1))
items <- unlist(constructs, use.names = FALSE)
d <- read.csv(args[1], encoding = "UTF-8", check.names = FALSE, na.strings = c("", "NA"))
d <- d[complete.cases(d[, items]), ]
for (id in names(constructs)) d[[id]] <- rowMeans(d[, constructs[[id]]])
t0 <- proc.time()[["elapsed"]]
d$gender <- factor(d[["性别"]])
d$age <- factor(d[["年龄"]])
for (y in names(constructs)) {
  leveneTest(d[[y]], d$gender, center = mean)
  t.test(d[[y]] ~ d$gender, var.equal = TRUE)
  t.test(d[[y]] ~ d$gender)
  leveneTest(d[[y]], d$age, center = mean)
  fit <- aov(d[[y]] ~ d$age)
  summary(fit)
  oneway.test(d[[y]] ~ d$age)
  TukeyHSD(fit)
}
m1 <- lm(HD ~ gender, d); m2 <- lm(HD ~ gender + HR + PS, d); m3 <- lm(HD ~ gender + HR + PS + MA + PO, d)
anova(m1, m2, m3); confint(m3); vif(m3); summary(m3)
mo <- lm(HD ~ PS * PO, d); summary(mo); confint(mo)
a <- lm(MA ~ HR, d); b <- lm(HD ~ HR + MA, d)
closed <- proc.time()[["elapsed"]] - t0
ind <- function(data, i) { x <- data[i, ]; coef(lm(MA ~ HR, x))[2] * coef(lm(HD ~ HR + MA, x))[3] }
t1 <- proc.time()[["elapsed"]]
bt <- boot(d[, c("HR", "MA", "HD")], ind, R = resamples)
ci <- boot.ci(bt, type = "perc")
booted <- proc.time()[["elapsed"]] - t1
cat(sprintf("closed-form analyses %.2f s; bootstrap %d resamples %.2f s, per 5000 %.1f s; indirect %.6f [%.6f, %.6f]\n",
            closed, resamples, booted, booted / resamples * 5000, coef(a)[2] * coef(b)[3], ci$percent[4], ci$percent[5]))
