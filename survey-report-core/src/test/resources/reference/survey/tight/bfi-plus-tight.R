# The bfi-plus measurement model refitted with lavaan's optimizer converged tightly, as a check that
# the engine's estimates are the ML optimum (golden/bfi-plus.json comes from lavaan's default nlminb
# run, which stops with max |gradient| 1.8e-6 and leaves some loadings 1e-5 to 3e-5 from it).
# R 4.2.2, lavaan 0.6.14 (Debian r-cran-lavaan 0.6.14-1). Same sample and reverse coding as golden_plus.R.
# usage: Rscript bfi-plus-tight.R bfi.csv > bfi-plus-tight.json
suppressMessages({library(lavaan); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
items <- c(paste0("A", 1:5), paste0("C", 1:5), paste0("E", 1:5), paste0("N", 1:5), paste0("O", 1:5))
dd <- d[complete.cases(d[, c(items, "gender", "age")]), ]
for (r in c("A1", "C4", "C5", "E1", "E2", "O2", "O5")) dd[[r]] <- 7 - dd[[r]]
m <- paste(sapply(c("A", "C", "E", "N", "O"), function(f) paste(f, "=~", paste0(f, 1:5, collapse = " + "))), collapse = "\n")
fit <- cfa(m, data = dd[, items], likelihood = "wishart", optim.method = "BFGS",
           control = list(reltol = 1e-16, maxit = 100000))
pe <- parameterEstimates(fit); ss <- standardizedSolution(fit)
ld <- pe[pe$op == "=~", ]; sl <- ss[ss$op == "=~", ]
out <- list(lavaan = as.character(packageVersion("lavaan")), r = R.version.string,
            maxGradient = max(abs(lavInspect(fit, "optim.gradient"))),
            chiSquare = unname(fitMeasures(fit, "chisq")),
            loadings = lapply(seq_len(nrow(ld)), function(i) list(construct = ld$lhs[i], item = ld$rhs[i],
              estimate = ld$est[i], standardError = if (ld$se[i] == 0) NA else ld$se[i],
              z = if (ld$se[i] == 0) NA else ld$z[i], standardized = sl$est.std[i])))
cat(toJSON(out, auto_unbox = TRUE, digits = 15, na = "null", pretty = TRUE), "\n")
