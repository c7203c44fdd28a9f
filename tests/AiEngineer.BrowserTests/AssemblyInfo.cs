// Each browser test class starts its own app and Chromium; run them one at a time so a 2-core CI machine is not
// swamped (in parallel, page loads plus axe runs have exceeded even 90-second limits).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
