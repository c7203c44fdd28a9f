using System.Text.RegularExpressions;

namespace AiEngineer.Core.Review;

/// <summary>TF-IDF cosine similarity over title and abstract, in process: enough for a few thousand proposals.</summary>
public static partial class SimilarProposals
{
    public sealed record Document(int Id, string Text);

    private static readonly HashSet<string> StopWords =
    [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "how", "in", "is", "it", "of", "on", "or",
        "that", "the", "this", "to", "we", "with", "you", "your", "our", "will", "can", "what", "why",
    ];

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();

    public static IEnumerable<string> Tokenize(string text) =>
        Words().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length > 1 && !StopWords.Contains(w));

    /// <summary>The <paramref name="take"/> documents most similar to <paramref name="targetId"/>, best first, ties by id; zero scores left out.</summary>
    public static IReadOnlyList<(int Id, double Score)> MostSimilar(IReadOnlyList<Document> documents, int targetId, int take = 5)
    {
        var terms = documents.ToDictionary(d => d.Id, d => Tokenize(d.Text).GroupBy(t => t).ToDictionary(g => g.Key, g => (double)g.Count()));
        if (!terms.ContainsKey(targetId)) return [];
        var df = terms.Values.SelectMany(t => t.Keys).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var n = documents.Count;
        Dictionary<string, double> Vector(Dictionary<string, double> tf) =>
            tf.ToDictionary(kv => kv.Key, kv => kv.Value * (Math.Log((1.0 + n) / (1.0 + df[kv.Key])) + 1.0));
        var vectors = terms.ToDictionary(kv => kv.Key, kv => Vector(kv.Value));
        var target = vectors[targetId];
        var targetNorm = Math.Sqrt(target.Values.Sum(v => v * v));
        return vectors.Where(kv => kv.Key != targetId)
            .Select(kv =>
            {
                var dot = kv.Value.Sum(t => target.TryGetValue(t.Key, out var w) ? w * t.Value : 0);
                var norm = Math.Sqrt(kv.Value.Values.Sum(v => v * v));
                return (Id: kv.Key, Score: dot == 0 ? 0 : dot / (norm * targetNorm));
            })
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Id)
            .Take(take)
            .ToList();
    }
}
