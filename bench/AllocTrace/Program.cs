using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

// Sums the runtime's AllocationTick events (one per ~100 KB allocated, with the type and the stack of the allocation
// that crossed the mark) from a dotnet-trace file: where a workload's allocations go.
//   AllocTrace TRACE [UNITS]   the types holding most of the sampled bytes (per unit: per checkout, say)
//   with FRAMES=N              also the N frames nearest each top type's allocations, the commonest stacks first
var path = args[0];
var units = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1;
var top = int.Parse(Environment.GetEnvironmentVariable("TOP") ?? "25", System.Globalization.CultureInfo.InvariantCulture);
var frames = int.Parse(Environment.GetEnvironmentVariable("FRAMES") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

var etlx = TraceLog.CreateFromEventPipeDataFile(path);
using var log = new TraceLog(etlx);
var byType = new Dictionary<string, long>();
var byStack = new Dictionary<(string Type, string Stack), long>();
long total = 0;
foreach (var e in log.Events)
{
    if (e is not GCAllocationTickTraceData tick) continue;
    var bytes = tick.AllocationAmount64;
    var type = tick.TypeName ?? "?";
    total += bytes;
    byType[type] = byType.GetValueOrDefault(type) + bytes;
    if (frames == 0) continue;
    var names = new List<string>();
    for (var frame = e.CallStack(); frame is not null && names.Count < frames; frame = frame.Caller)
    {
        var name = frame.CodeAddress.FullMethodName;
        if (string.IsNullOrEmpty(name) || name.StartsWith("System.Runtime.CompilerServices", StringComparison.Ordinal)) continue;
        names.Add(name.Length > 150 ? name[..150] : name);
    }
    var key = (type, string.Join("\n        ", names));
    byStack[key] = byStack.GetValueOrDefault(key) + bytes;
}
Console.WriteLine($"sampled allocation: {total / 1048576.0:F1} MB{(units > 1 ? $", {total / units / 1024:F1} KB per unit ({units} units)" : "")}");
foreach (var (type, bytes) in byType.OrderByDescending(kv => kv.Value).Take(top))
{
    Console.WriteLine($"{100.0 * bytes / total,6:F2}%  {bytes / units / 1024,8:F2} KB  {type}");
    if (frames == 0) continue;
    foreach (var ((_, stack), b) in byStack.Where(kv => kv.Key.Type == type).OrderByDescending(kv => kv.Value).Take(4))
        Console.WriteLine($"      {100.0 * b / total,5:F2}%  {stack}");
}
