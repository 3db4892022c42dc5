# External reference for the design-based variance of rates (docs/design.md §7), computed with
# R's `survey` package from respondents.csv (written by make-fixture.ts). Writes reference.json.
#
# Each counted respondent is its own cluster (ids = ~respondent_id) and the rate of a unit and
# metric is the ratio estimator sum(y) / sum(a); svyratio's linearised variance is the reference:
#   - "variance":      with the finite-population correction, when the unit has a size N > n
#                      (fpc = ~N: survey then multiplies by 1 - n/N); otherwise the same as below,
#                      as §7 applies the correction only when N > n;
#   - "varianceNoFpc": equal weights and no fpc (svydesign(weights = ~one) carries no population
#                      size, so no correction), as for a request that names no audience.
# nEff = r(1 - r) / variance when 0 < r < 1 and variance > 0, else n (§7). Groups with n < 2 have
# no variance (a single cluster) and are listed under "tooFew".
#
# Run from the repository root: Rscript test/reference/design-variance/reference.R
suppressPackageStartupMessages(library(survey))

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grepl("^--file=", args)])
here <- if (length(script) == 1) dirname(normalizePath(script)) else "."

rows <- read.csv(
  file.path(here, "respondents.csv"),
  colClasses = c(unit_code = "character", metric = "character", respondent_id = "character", a = "numeric", y = "numeric", N = "numeric"),
  na.strings = ""
)
rows$one <- 1

num <- function(x) if (is.na(x)) "null" else sprintf("%.17g", x)
str <- function(x) paste0("\"", x, "\"")
neff <- function(r, v, n) if (r > 0 && r < 1 && v > 0) r * (1 - r) / v else n

# Groups in the order they first appear in the file (unit order, then metric order).
keys <- unique(rows[, c("unit_code", "metric")])
estimates <- character(0)
too_few <- character(0)
max_rel_no_fpc <- 0
max_rel_fpc <- 0
for (k in seq_len(nrow(keys))) {
  unit <- keys$unit_code[k]
  metric <- keys$metric[k]
  d <- rows[rows$unit_code == unit & rows$metric == metric, ]
  n <- nrow(d)
  if (n < 2) {
    too_few <- c(too_few, sprintf("    {\"unit\": %s, \"metric\": %s, \"n\": %d}", str(unit), str(metric), n))
    next
  }
  N <- d$N[1]
  stopifnot(all(is.na(d$N)) || all(d$N == N), !anyDuplicated(d$respondent_id))

  plain <- svydesign(ids = ~respondent_id, weights = ~one, data = d)
  stopifnot(is.null(plain$fpc$popsize))
  ratio_plain <- svyratio(~y, ~a, plain)
  rate <- as.numeric(coef(ratio_plain))
  var_no_fpc <- as.numeric(ratio_plain$var)

  fpc_applied <- !is.na(N) && N > n
  if (fpc_applied) {
    with_fpc <- svydesign(ids = ~respondent_id, fpc = ~N, data = d)
    ratio_fpc <- svyratio(~y, ~a, with_fpc)
    stopifnot(abs(as.numeric(coef(ratio_fpc)) - rate) <= 1e-15)
    var_fpc <- as.numeric(ratio_fpc$var)
  } else {
    var_fpc <- var_no_fpc
  }

  # The closed form of §7, to say how far survey's computation is from it (printed, not used).
  r <- sum(d$y) / sum(d$a)
  formula <- n / (n - 1) * sum((d$y - r * d$a)^2) / sum(d$a)^2
  if (formula > 0) {
    max_rel_no_fpc <- max(max_rel_no_fpc, abs(var_no_fpc - formula) / formula)
    fpc_formula <- if (fpc_applied) formula * (1 - n / N) else formula
    max_rel_fpc <- max(max_rel_fpc, abs(var_fpc - fpc_formula) / fpc_formula)
  } else {
    stopifnot(var_no_fpc == 0, var_fpc == 0)
  }

  estimates <- c(estimates, sprintf(
    "    {\"unit\": %s, \"metric\": %s, \"n\": %d, \"N\": %s, \"fpcApplied\": %s, \"rate\": %s, \"variance\": %s, \"varianceNoFpc\": %s, \"nEff\": %s, \"nEffNoFpc\": %s}",
    str(unit), str(metric), n, if (is.na(N)) "null" else sprintf("%d", as.integer(N)), if (fpc_applied) "true" else "false",
    num(rate), num(var_fpc), num(var_no_fpc), num(neff(rate, var_fpc, n)), num(neff(rate, var_no_fpc, n))
  ))
}

out <- c(
  "{",
  sprintf("  \"generatedBy\": %s,", str("Rscript test/reference/design-variance/reference.R")),
  sprintf("  \"R\": %s,", str(R.version.string)),
  sprintf("  \"survey\": %s,", str(as.character(packageVersion("survey")))),
  sprintf("  \"maxRelDiffFromClosedForm\": {\"varianceNoFpc\": %s, \"variance\": %s},", num(max_rel_no_fpc), num(max_rel_fpc)),
  "  \"estimates\": [",
  paste(estimates, collapse = ",\n"),
  "  ],",
  "  \"tooFew\": [",
  paste(too_few, collapse = ",\n"),
  "  ]",
  "}"
)
writeLines(out, file.path(here, "reference.json"))
cat(sprintf("%d estimates, %d groups with n < 2; %s\n", length(estimates), length(too_few), R.version.string))
cat(sprintf("survey %s; max relative difference from the closed form: no fpc %.3g, fpc %.3g\n",
  as.character(packageVersion("survey")), max_rel_no_fpc, max_rel_fpc))
