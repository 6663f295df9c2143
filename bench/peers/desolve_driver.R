# KetaSim side by side: R deSolve lsoda with the right-hand side compiled in C (generated from the model file
# by org.ketasim.bench.peers.PeerCodegen into the build folder). Usage:
#   Rscript desolve_driver.R BUILD_DIR RTOL ATOL SUBJECTS
# Reads params.bin, doses.bin, times.bin, atol.bin (little-endian doubles written by KetaSim; atol.bin is ATOL
# times the size of each state's declared unit, the per-state absolute tolerance KetaSim uses), integrates each subject
# piecewise between dose events exactly as KetaSim's Simulator does (doses applied at a breakpoint before the
# outputs at that time; boluses as jumps; running infusions as constant input rates passed in parms), and
# writes desolve.bin: subject x time x output. Prints "key value" lines (seconds = integration loop only).
suppressPackageStartupMessages(library(deSolve))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]; rtol <- as.numeric(args[2]); atol <- as.numeric(args[3]); nsub <- as.integer(args[4])
# hmax 0: no step-size limit, as in KetaSim and SciPy (deSolve's default would cap steps at the output spacing, 1 h)
hmax <- if (length(args) >= 5) as.numeric(args[5]) else 0
source(file.path(dir, "ksm_meta.R"))
dll <- file.path(dir, paste0("ksm_desolve", .Platform$dynlib.ext))
dyn.load(dll)

rd <- function(f) { con <- file(file.path(dir, f), "rb"); on.exit(close(con)); n <- file.size(file.path(dir, f)) / 8
  readBin(con, "double", n = n, size = 8, endian = "little") }
sizes <- scan(file.path(dir, "sizes.txt"), quiet = TRUE)
params <- matrix(rd("params.bin"), ncol = ksm_np, byrow = TRUE)
doses <- matrix(rd("doses.bin"), ncol = 7, byrow = TRUE)
colnames(doses) <- c("subject", "route", "s_share", "r_share", "amount", "start", "duration")
times <- rd("times.bin")
atol_state <- rd("atol.bin")   # per state, as KetaSim's; ATOL itself is only echoed
nt <- length(times)
out <- array(NA_real_, dim = c(ksm_no, nt, nsub))   # column-major: output fastest, then time, then subject
rhs_total <- 0; steps_total <- 0; jac_total <- 0

simulate <- function(i) {
  p <- params[i, ]
  y <- .C("ksm_initial", as.double(p), y0 = double(ksm_ns))$y0
  fr <- .C("ksm_dose_fractions", as.double(p), f = double(ksm_nt))$f
  ds <- doses[doses[, "subject"] == i - 1, , drop = FALSE]
  unit_input <- function(k) {   # mg entering each state per mg dosed, as KetaSim's DoseRouting
    u <- double(ksm_ns)
    for (j in seq_len(nrow(ksm_targets))) {
      tg <- ksm_targets[j, ]
      if (tg$route == ds[k, "route"]) {
        share <- if (tg$enantiomer == "S") ds[k, "s_share"] else ds[k, "r_share"]
        if (share > 0) u[tg$state] <- u[tg$state] + share * fr[tg$slot]
      }
    }
    u
  }
  ends <- ds[ds[, "duration"] > 0, "start"] + ds[ds[, "duration"] > 0, "duration"]
  bps <- sort(unique(c(ds[, "start"], ends)))
  rate <- double(ksm_ns)
  res <- matrix(NA_real_, nrow = ksm_no, ncol = nt)
  t <- 0; nb <- 1; nxt <- 1; last <- times[nt]; nfe <- 0; nst <- 0; nje <- 0
  repeat {
    if (nb <= length(bps) && bps[nb] == t) {
      rate <- double(ksm_ns)
      for (k in seq_len(nrow(ds))) {
        st <- ds[k, "start"]; du <- ds[k, "duration"]
        if (du == 0 && st == t) y <- y + ds[k, "amount"] * unit_input(k)
        if (du > 0 && st <= t && st + du > t) rate <- rate + ds[k, "amount"] / du * unit_input(k)
      }
      nb <- nb + 1
    }
    while (nxt <= nt && times[nxt] == t) {
      res[, nxt] <- .C("ksm_outputs", as.double(t), as.double(y), as.double(p), o = double(ksm_no))$o
      nxt <- nxt + 1
    }
    if (nxt > nt) break
    seg_end <- if (nb <= length(bps)) min(bps[nb], last) else last
    inner <- which(times > t & times < seg_end)
    tt <- c(t, times[inner], seg_end)
    sol <- ode(y = y, times = tt, func = "derivs", parms = c(p, rate), dllname = "ksm_desolve",
               initfunc = "initmod", nout = ksm_no, rtol = rtol, atol = atol_state, method = "lsoda", hmax = hmax)
    ist <- attr(sol, "istate")
    nst <- nst + ist[2]; nfe <- nfe + ist[3]; nje <- nje + ist[14]
    if (length(inner) > 0) {
      res[, inner] <- t(sol[2:(length(tt) - 1), (ksm_ns + 2):(ksm_ns + 1 + ksm_no), drop = FALSE])
      nxt <- max(inner) + 1
    }
    y <- as.numeric(sol[length(tt), 2:(ksm_ns + 1)])
    t <- seg_end
  }
  list(res = res, nfe = nfe, nst = nst, nje = nje)
}

pt0 <- proc.time()
t0 <- pt0[["elapsed"]]
for (i in seq_len(nsub)) {
  r <- simulate(i)
  out[, , i] <- r$res
  rhs_total <- rhs_total + r$nfe; steps_total <- steps_total + r$nst; jac_total <- jac_total + r$nje
}
pt1 <- proc.time()
elapsed <- pt1[["elapsed"]] - t0
cpu <- (pt1[["user.self"]] + pt1[["sys.self"]]) - (pt0[["user.self"]] + pt0[["sys.self"]])
con <- file(file.path(dir, "desolve.bin"), "wb")
writeBin(as.double(out), con, size = 8, endian = "little")
close(con)
cat("version", paste0("R ", getRversion(), ", deSolve ", packageVersion("deSolve")), "\n")
cat("seconds", format(elapsed, digits = 6), "\n")
cat("cpu_seconds", format(cpu, digits = 6), "\n")
cat("rhs_per_subject", rhs_total / nsub, "\n")
cat("steps_per_subject", steps_total / nsub, "\n")
cat("jacobians_per_subject", jac_total / nsub, "\n")
cat("lu_per_subject", jac_total / nsub, "\n")   # lsoda factorises once per Jacobian
