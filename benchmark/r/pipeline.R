# The same numbers as survey-report, the way an R user computes them (psych + car):
# alpha with item-total statistics (per construct and overall), KMO and Bartlett, PCA with
# varimax, descriptives, correlations of the construct scores, the regression with VIF and
# Durbin-Watson, and the profile tables. Usage: Rscript pipeline.R DATA.csv CONSTRUCTS.txt
args <- commandArgs(trailingOnly = TRUE)
suppressPackageStartupMessages({
  library(psych)
  library(car)
})
lines <- strsplit(readLines(args[2]), " ")
constructs <- setNames(lapply(lines, function(l) l[-1]), sapply(lines, `[`, 1))
items <- unlist(constructs, use.names = FALSE)

d <- read.csv(args[1], encoding = "UTF-8", check.names = FALSE, na.strings = c("", "NA"))
d <- d[complete.cases(d[, items]), ]

rel <- lapply(constructs, function(cols) psych::alpha(d[, cols], check.keys = FALSE, warnings = FALSE))
overall <- psych::alpha(d[, items], check.keys = FALSE, warnings = FALSE)
r <- cor(d[, items])
kmo <- psych::KMO(r)
bartlett <- psych::cortest.bartlett(r, n = nrow(d))
pca <- psych::principal(d[, items], nfactors = length(constructs), rotate = "varimax")
desc <- psych::describe(d[, items])
scores <- as.data.frame(lapply(constructs, function(cols) rowMeans(d[, cols])))
score_r <- cor(scores)
dv <- names(constructs)[length(constructs)]
fit <- lm(reformulate(names(constructs)[-length(constructs)], dv), data = scores)
s <- summary(fit)
v <- car::vif(fit)
dw <- car::durbinWatsonTest(fit, simulate = FALSE)
profile <- list(table(d[["性别"]]), table(d[["年龄"]]), table(unlist(strsplit(d[["服务平台"]], ";"))))

cat(sprintf("n = %d, overall alpha = %.6f, KMO = %.6f, Bartlett chi2 = %.1f, R2 = %.6f, DW = %.6f, max VIF = %.4f\n",
            nrow(d), overall$total$raw_alpha, kmo$MSA, bartlett$chisq, s$r.squared, dw$dw, max(v)))
