# The JIT settings of the shipped launch, one place for jobs/launch.sh and scripts/benchmark.sh.
# Sourced: cds_jit_options KIND sets the array CDS_JIT_OPTIONS, KIND being
#   run       a run that reads a patient extract (the annual run, a re-processing with a corrected
#             extract): the C2 compiler starts later (thresholds ×8). On 2 cores the compilers took
#             as much CPU as the work in the start and the statements (docs/scale.md, « the JIT's
#             share »), compiling code that runs a few thousand times; the extract's loop reaches any
#             of these thresholds in microseconds. National run, same minutes, 17:27–17:46 on
#             2 December 2026: before the first step 3.5–3.7 s → 2.7–3.0 s, statements 3.2–3.5 s →
#             2.9–3.1 s, whole run 15.7–16.8 s → 13.8–14.3 s.
#   snapshot  a re-processing from the frozen snapshot: the C1 compiler alone. Nothing in it runs long
#             enough to repay C2 (national re-processing, one value changed: 10.3, 10.9 s → 6.3, 6.5 s).
#             Not for a run reading an extract: without C2 its loop is about 4 times slower.
cds_jit_options() {
  case "$1" in
    snapshot) CDS_JIT_OPTIONS=(-XX:TieredStopAtLevel=1) ;;
    run) CDS_JIT_OPTIONS=(-XX:Tier4InvocationThreshold=40000 -XX:Tier4MinInvocationThreshold=4800
           -XX:Tier4CompileThreshold=120000 -XX:Tier4BackEdgeThreshold=320000) ;;
    *) echo "cds_jit_options: unknown kind '$1' (run or snapshot)" >&2; return 2 ;;
  esac
}
