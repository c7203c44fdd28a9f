using AiEngineer.Web.Tests.Infrastructure;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Email;
using AiEngineer.Core.Messages;
using AiEngineer.Core.Review;
using AiEngineer.Core.Schedule;
using AiEngineer.Core.Sponsors;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Content;
using AiEngineer.Web.Pages.Shared;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Tests.Site;

/// <summary>
/// Every sentence Core (and the web layer's upload and time checks) can tell a person is in <c>RuleText</c>, so that a
/// Chinese page says it in Chinese. Two ways: the rules themselves are run into their refusals and each
/// <see cref="Problem"/> they give is looked up and said in Chinese; and the source is scanned for every sentence
/// written in it, its <c>{expression}</c>s numbered as the compiler numbers them, so a new message fails here until it is
/// in the resource with its translation.
/// </summary>
public partial class CoreMessageTests
{
    private static readonly string Root = TestPaths.RepositoryRoot();
    private static readonly string RuleResx = Path.Combine(Root, "src", "AiEngineer.Web", "Pages", "Shared", "RuleText.resx");
    private static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private static HashSet<string> Keys() =>
        XDocument.Load(RuleResx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    // ---- The rules run into their refusals ----

    private static RuleMessages Rules()
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        return new RuleMessages(new StringLocalizer<RuleText>(factory), new StringLocalizer<StatusText>(factory));
    }

    private static Problem Refusal(Action rule) => Assert.ThrowsAny<RuleException>(rule).Problem;

    /// <summary>What the rules say when everything is wrong: a sample of every kind of message, with real values.</summary>
    private static IEnumerable<Problem> EverythingWrong()
    {
        foreach (var p in new TicketType { Name = " ", PriceMinor = -1, Capacity = -1, Taken = 2, MinPerOrder = 0, MaxPerOrder = -1, SaleStartsAt = Now, SaleEndsAt = Now }.Validate()) yield return p;
        foreach (var p in new Voucher { Code = "no spaces!", Kind = VoucherKind.PercentOff, Value = 120, MaxUses = 0, Uses = 3, ValidFrom = Now, ValidUntil = Now }.Validate()) yield return p;
        foreach (var p in new Voucher { Code = "OK", Kind = VoucherKind.AmountOff, Value = 0 }.Validate()) yield return p;
        var voucher = new Voucher { MaxUses = 1, ValidFrom = Now, ValidUntil = Now.AddDays(1) };
        yield return voucher.ProblemAt(Now.AddDays(-1))!;
        yield return voucher.ProblemAt(Now.AddDays(2))!;
        voucher.Uses = 1;
        yield return voucher.ProblemAt(Now)!;
        foreach (var p in new SponsorTier { Name = "", PriceMinor = -1, Slots = 1, Taken = 2, IncludedTickets = -1 }.Validate()) yield return p;
        foreach (var p in new SponsorTier { Name = "Gold", IncludedTickets = 2 }.Validate()) yield return p;
        foreach (var p in new ConferenceEvent { Name = "", TimeZoneId = "Mars/Olympus_Mons", StartDate = new(2026, 6, 10), EndDate = new(2026, 6, 1), ReservationMinutes = 1, StreamUrl = "ftp://x" }.Validate()) yield return p;
        foreach (var p in new ConferenceEvent { Name = "Long", StartDate = new(2026, 6, 1), EndDate = new(2026, 7, 1) }.Validate()) yield return p;
        foreach (var p in new SessionFormat { Name = "", DurationMinutes = 0, MaxCoSpeakers = 99 }.Validate()) yield return p;
        foreach (var p in CallForPapers.ValidateWindow(Now, Now)) yield return p;
        foreach (var p in new ReviewSettings { OpensAt = Now, ClosesAt = Now, ReviewersPerProposal = 0, Criteria = [] }.Validate()) yield return p;
        foreach (var p in new ReviewSettings { Criteria = [new ReviewCriterion { Name = "" }] }.Validate()) yield return p;
        var criteria = new List<ReviewCriterion> { new() { Id = 1, Name = "Relevance" }, new() { Id = 2, Name = "Clarity" } };
        foreach (var p in ProposalReview.Validate(criteria, new Dictionary<int, int> { [1] = 9, [7] = 3 }, new string('x', ProposalReview.CommentMaxLength + 1))) yield return p;
        var kind = EmailCatalog.Get("tickets.confirmation");
        foreach (var p in EmailTemplate.Validate(kind, "", "")) yield return p;
        foreach (var p in EmailTemplate.Validate(kind, new string('s', EmailTemplate.SubjectMaxLength + 1) + "\n{tickets}", new string('b', EmailTemplate.BodyMaxLength + 1) + " {iban}")) yield return p;

        foreach (var w in ScheduleWarnings()) yield return w.Message;
        foreach (var c in ScheduleChanges()) yield return c.Text;

        Order Order(OrderStatus status, long total = 10_000, long refunded = 0, bool seats = true) =>
            new() { Code = "ZH7Q2K", Status = status, TotalMinor = total, RefundedMinor = refunded, SeatsHeld = seats, Currency = "usd" };
        yield return Refusal(() => Order(OrderStatus.Cancelled).MarkPaid(PaymentMethod.Card, null, Now));
        yield return Refusal(() => Order(OrderStatus.Pending).MarkPaidLate(PaymentMethod.Card, null, true, Now));
        yield return Refusal(() => Order(OrderStatus.Paid).Expire(Now));
        yield return Refusal(() => Order(OrderStatus.Refunded).Cancel(Now, null, "again"));
        yield return Refusal(() => Order(OrderStatus.Paid).RecordRefund(0, Now, null));
        yield return Refusal(() => Order(OrderStatus.Pending).RecordRefund(100, Now, null));
        yield return Refusal(() => Order(OrderStatus.Paid, refunded: 4_000).RecordRefund(9_000, Now, null));

        Sponsorship Sponsor(SponsorshipStatus status) => new() { Status = status, Tier = new SponsorTier { Name = "Gold" } };
        yield return Refusal(() => Sponsor(SponsorshipStatus.Live).Approve("", Now, Now, "o"));
        yield return Refusal(() => Sponsor(SponsorshipStatus.Expired).Reject("", Now, "o"));
        yield return Refusal(() => Sponsor(SponsorshipStatus.Applied).MarkPaid(new SponsorPayment(SponsorPayment.Invoice), Now, "o"));
        yield return Refusal(() => Sponsor(SponsorshipStatus.Rejected).Expire(Now));

        var email = OutboundEmail.Create("ada@example.com", null, "Hello", "", "", "test", Now);
        yield return Refusal(() => email.Retry(Now));
        email.Cancel();
        yield return Refusal(email.Cancel);

        var open = new SubmissionWindow(Now.AddDays(-1), Now.AddDays(1), FormatOpen: true, GrantedByCode: false);
        var closed = new SubmissionWindow(Now.AddDays(-10), Now.AddDays(-1), FormatOpen: true, GrantedByCode: false);
        yield return new SubmissionWindow(Now.AddDays(1), Now.AddDays(2), true, false).ClosedReason(Now);
        yield return new SubmissionWindow(Now.AddDays(-1), Now.AddDays(2), false, false).ClosedReason(Now);
        var content = new ProposalContent("Evals", 1, 1, ProposalLevel.Intermediate, "Abstract", "Details", "", false, "", "");
        var draft = Proposal.StartDraft(1, "u1", Guid.NewGuid(), content, Now);
        yield return Refusal(() => draft.Submit("u1", Now, closed));
        yield return Refusal(() => draft.Edit(content, Now, open, maxCoSpeakers: -1));
        yield return Refusal(() => draft.InviteCoSpeaker("co@example.com", "u1", 0, Now));
        draft.InviteCoSpeaker("co@example.com", "u1", 3, Now);
        yield return Refusal(() => draft.InviteCoSpeaker("co@example.com", "u1", 3, Now));
        yield return Refusal(() => draft.InviteCoSpeaker("two@example.com", "u1", 1, Now));
        draft.Submit("u1", Now, open);
        yield return Refusal(() => draft.Edit(content, Now.AddDays(2), open, 3));
        yield return Refusal(() => draft.Decide(ProposalState.Confirmed, "o", Now));
        draft.Withdraw("u1", Now);
        yield return Refusal(() => draft.Withdraw("u1", Now));

        yield return ImageProcessor.Process([]).Error!;
        yield return ImageProcessor.Process([1, 2, 3]).Error!;
        yield return LogoProcessor.Process([1, 2, 3]).Error!;
        yield return LogoProcessor.Process(Encoding.UTF8.GetBytes("<html/>")).Error!;
        yield return LogoProcessor.Process(new byte[LogoProcessor.MaxBytes + 1]).Error!;
    }

    private static IReadOnlyList<ScheduleWarning> ScheduleWarnings()
    {
        DraftEntry Talk(int id, int room, DateTime start, int slot, DraftSpeaker speaker, int minutes = 25, bool confirmed = true) =>
            new(id, $"Talk {id}", ScheduleItemKind.Session, room, $"Room {room}", start, start.AddMinutes(slot), 100 + id, minutes, [speaker], confirmed);
        var priya = new DraftSpeaker("u-priya", "Priya Patel");
        var diego = new DraftSpeaker("u-diego", "Diego Alvarez");
        var warnings = ScheduleChecker.Check(
            [Talk(1, 1, Now, 30, priya), Talk(2, 2, Now, 30, priya), Talk(3, 2, Now, 20, diego, confirmed: false)],
            new Dictionary<string, IReadOnlyList<(DateTime, DateTime)>> { ["u-diego"] = [(Now.AddDays(1), Now.AddDays(1).AddHours(2))] },
            t => t.AddHours(-7), new Dictionary<int, int> { [101] = 120 }, new Dictionary<int, int> { [1] = 80 });
        Assert.Equal(Enum.GetValues<ScheduleWarningKind>().ToHashSet(), warnings.Select(w => w.Kind).ToHashSet()); // every kind, once at least
        return warnings;
    }

    private static IReadOnlyList<ScheduleChange> ScheduleChanges()
    {
        ProgramEntry Entry(int id, string title, DateTime start, string room = "Main Stage", string speaker = "u-priya") =>
            new(new DraftEntry(id * 10, title, ScheduleItemKind.Session, room == "Main Stage" ? 1 : 2, room, start, start.AddMinutes(30), id, 25,
                [new DraftSpeaker(speaker, "Priya Patel")]));
        SpeakerInfo[] speakers = [new("u-priya", "Priya Patel", "", ""), new("u-other", "Other", "", "")];
        var (v1, _) = PublishedProgram.Build([Entry(1, "Agents", Now), Entry(2, "Evals", Now), Entry(3, "RAG", Now), Entry(4, "Gone", Now)], speakers, null, 1, Now, t => t);
        var (_, changes) = PublishedProgram.Build(
            [Entry(1, "Agents", Now.AddHours(1)), Entry(2, "Evals, renamed", Now), Entry(3, "RAG", Now, speaker: "u-other"), Entry(5, "New", Now)], speakers, v1, 2, Now, t => t);
        Assert.Equal(5, changes.Count); // moved, renamed, new speakers, added, removed
        return changes;
    }

    [Fact]
    public void Every_message_the_rules_give_is_in_rule_text_and_reads_in_chinese()
    {
        var keys = Keys();
        var rules = Rules();
        var problems = EverythingWrong().ToList();
        Assert.True(problems.Count > 80, $"only {problems.Count} messages; has a rule stopped refusing?");
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var failures = new List<string>();
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
            foreach (var p in problems.DistinctBy(p => p.Format)) // each message once, whatever its values
            {
                if (!keys.Contains(p.Format)) { failures.Add($"not in RuleText.resx: \"{p.Format}\" ({p.English})"); continue; }
                var chinese = rules[p];
                if (!chinese.Any(c => c is >= '\u4e00' and <= '\u9fff')) failures.Add($"not Chinese: \"{p.English}\" → \"{chinese}\"");
                foreach (var e in p.Arguments.OfType<Enum>())
                    if (chinese.Contains(e.ToString(), StringComparison.OrdinalIgnoreCase)) failures.Add($"the state is not its Chinese label: \"{chinese}\"");
            }
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void A_message_says_its_values_in_the_visitors_language()
    {
        var rules = Rules();
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            var capacity = new TicketType { Name = "Pass", Capacity = 2, Taken = 5 }.Validate().Single();
            var cancelled = Refusal(() => new Order { Code = "ZH7Q2K", Status = OrderStatus.RefundDue }.Cancel(Now, null, "again"));
            var late = new SubmissionWindow(Now.AddDays(-10), Now.AddDays(-1), true, false);
            var closed = Refusal(() => Proposal.StartDraft(1, "u1", Guid.NewGuid(),
                new ProposalContent("Evals", 1, 1, ProposalLevel.Intermediate, "Abstract", "Details", "", false, "", ""), Now).Submit("u1", Now, late));

            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
            Assert.Equal("容量不能少于已售出或已保留的 5 个座位。", rules[capacity]);
            Assert.Equal("订单 ZH7Q2K 当前状态为“待退款”，无法取消。", rules[cancelled]); // the state's label
            Assert.Equal("该演讲形式的投稿截止时间已过。您的内容已保存为草稿。", rules[closed]); // a problem inside a problem, translated too
            var empty = EmailTemplate.Validate(EmailCatalog.Get("tickets.confirmation"), "", "");
            Assert.Equal("请填写主题。请填写邮件内容。", rules.Join(empty));
            Assert.Equal("请填写主题。请填写邮件内容。", rules[Problem.Join(empty)]); // as a review's refusal carries them

            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("The capacity cannot be below the 5 seats already taken or reserved.", rules[capacity]);
            Assert.Equal("Order ZH7Q2K is refund due and cannot be cancelled.", rules[cancelled]);
            Assert.Equal(cancelled.English, rules[cancelled]);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    // ---- The source scanned for every sentence it writes ----

    /// <summary>
    /// Where sentences for people are written: all of Core, and the web layer's few helpers that answer with a
    /// <see cref="Problem"/>. Not the email catalog (its wording lives in the email resources) nor the default refund policy
    /// (a setting's text).
    /// </summary>
    private static IEnumerable<string> Sources()
    {
        var core = Path.Combine(Root, "src", "AiEngineer.Core");
        var excluded = new[] { Path.Combine("Email", "EmailCatalog.cs"), Path.Combine("Tickets", "TicketingOptions.cs") };
        foreach (var file in Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(core, file);
            if (relative.StartsWith("bin" + Path.DirectorySeparatorChar) || relative.StartsWith("obj" + Path.DirectorySeparatorChar) || excluded.Contains(relative)) continue;
            yield return file;
        }
        var infrastructure = Path.Combine(Root, "src", "AiEngineer.Web", "Infrastructure");
        foreach (var file in new[] { "Content/ImageProcessor.cs", "Content/LogoProcessor.cs", "Content/SvgSanitizer.cs", "Site/LocalTimeInput.cs",
                     "Payments/OrderRefunds.cs", "Sponsors/SponsorCardPayments.cs", "Live/QuestionBoard.cs" })
            yield return Path.Combine(infrastructure, file.Replace('/', Path.DirectorySeparatorChar));
    }

    /// <summary>
    /// A line whose sentences are not for a person: an exception that reports a bug (it goes to the log), or an entry in a
    /// record's history (kept in English, as written).
    /// </summary>
    private static bool NotForAPerson(string line) =>
        line.Contains("throw new ArgumentException") || line.Contains("throw new InvalidOperationException") || line.Contains("Log(");

    internal sealed record Message(string File, int Line, string Format, bool Interpolated, bool HasValues, string Before, string LineText, string PreviousLine);

    /// <summary>Every sentence-like string in the sources: an interpolation as the compiler formats it ({0}, {1:format}…).</summary>
    internal static IEnumerable<Message> Messages()
    {
        foreach (var file in Sources())
        {
            var text = File.ReadAllText(file);
            var lines = text.Split('\n');
            foreach (var literal in CSharpStrings.In(text))
            {
                var line = lines[literal.Line - 1];
                if (NotForAPerson(line) || !Sentence(literal.Format)) continue;
                yield return new Message(Path.GetFileName(file), literal.Line, literal.Format, literal.Interpolated, literal.HasValues,
                    literal.Before, line, literal.Line > 1 ? lines[literal.Line - 2] : "");
            }
        }
    }

    /// <summary>Starts like a sentence (a capital, a value, a quotation mark), has words, and ends like one.</summary>
    private static bool Sentence(string s) =>
        s.Length > 3 && (char.IsUpper(s[0]) || s[0] is '{' or '“') && s.Contains(' ') && SentenceEnd().IsMatch(s);

    [GeneratedRegex(@"[.!?][”)]?$")]
    private static partial Regex SentenceEnd();

    [Fact]
    public void Every_sentence_written_in_core_is_in_rule_text()
    {
        var keys = Keys();
        var messages = Messages().ToList();
        Assert.True(messages.Count > 120, $"the scan found only {messages.Count} sentences; has the code moved?");
        foreach (var known in new[] { "{0}: at most {1} per order.", "Order {0} is {1} and cannot be cancelled.", "{{{0}}} is not a placeholder of this message. Use one of: {1}.",
                     "{0} is double-booked at {1:ddd MMM d, h:mm tt}: “{2}” and “{3}”.", "The capacity cannot be below the {0} seats already taken or reserved." })
            Assert.Contains(known, messages.Select(m => m.Format));
        var missing = messages.Where(m => !keys.Contains(m.Format)).Select(m => $"{m.File}:{m.Line}: \"{m.Format}\"").Distinct().ToList();
        Assert.True(missing.Count == 0, "Add these to RuleText (scripts/resx-add.py src/AiEngineer.Web/Pages/Shared/RuleText zh-Hans):\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Rule_text_has_no_sentence_core_no_longer_says()
    {
        var said = Messages().Select(m => m.Format).ToHashSet();
        var stale = Keys().Where(k => !said.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "In RuleText but written nowhere any more:\n" + string.Join("\n", stale));
    }

    /// <summary>
    /// <c>c ? $"a {x}" : $"b {y}"</c> is a string before it is a Problem: its values would be baked into the format and the
    /// sentence never found in the resource. One branch must be cast (<c>(Problem)$"…"</c>), which makes both Problems.
    /// </summary>
    [Fact]
    public void No_message_with_values_is_a_conditional_of_two_strings()
    {
        var baked = Messages()
            .Where(m => m.Interpolated && m.HasValues && m.Before.TrimEnd().EndsWith('?') || m.Interpolated && m.HasValues && m.Before.TrimEnd().EndsWith(':'))
            .Where(m => !m.LineText.Contains("(Problem)") && !m.PreviousLine.Contains("(Problem)"))
            .Select(m => $"{m.File}:{m.Line}: {m.LineText.Trim()}")
            .ToList();
        Assert.True(baked.Count == 0, "Cast one branch to (Problem):\n" + string.Join("\n", baked));
    }
}

/// <summary>
/// The string literals of a C# source, found as the compiler reads them: comments, character literals and raw strings
/// skipped; an interpolated string's holes (which may hold strings of their own) numbered {0}, {1}… with their format,
/// and its literal braces kept doubled, which is what <see cref="Problem.Format"/> holds at run time.
/// </summary>
internal static class CSharpStrings
{
    public sealed record Literal(int Line, string Format, bool Interpolated, bool HasValues, string Before);

    public static IEnumerable<Literal> In(string text)
    {
        var found = new List<Literal>();
        var i = 0;
        var line = 1;
        Scan(text, ref i, ref line, found, stopAtBrace: false);
        return found;
    }

    /// <summary>Reads code until the end (or, inside a hole, until its closing brace), collecting the literals met.</summary>
    private static void Scan(string s, ref int i, ref int line, List<Literal> found, bool stopAtBrace)
    {
        var depth = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '\n') { line++; i++; continue; }
            if (c == '/' && At(s, i + 1) == '/') { while (i < s.Length && s[i] != '\n') i++; continue; }
            if (c == '/' && At(s, i + 1) == '*') { i += 2; while (i < s.Length && !(s[i] == '*' && At(s, i + 1) == '/')) { if (s[i] == '\n') line++; i++; } i += 2; continue; }
            if (c == '\'') { i++; while (i < s.Length && s[i] != '\'') i += s[i] == '\\' ? 2 : 1; i++; continue; }
            if (c is '(' or '[' or '{') { depth++; i++; continue; }
            if (c is ')' or ']' or '}')
            {
                if (depth == 0 && stopAtBrace) return;
                depth--; i++; continue;
            }
            if (c is '$' or '@' or '"')
            {
                var start = i;
                var dollar = false; var verbatim = false;
                while (i < s.Length && s[i] is '$' or '@') { if (s[i] == '$') dollar = true; else verbatim = true; i++; }
                if (At(s, i) != '"') continue; // an identifier like @class
                if (At(s, i + 1) == '"' && At(s, i + 2) == '"') { SkipRaw(s, ref i, ref line); continue; }
                var literalLine = line;
                var before = s[Math.Max(0, s.LastIndexOf('\n', Math.Max(0, start - 1)) + 1)..start];
                i++; // the opening quote
                var (format, values) = ReadBody(s, ref i, ref line, dollar, verbatim, found);
                found.Add(new Literal(literalLine, format, dollar, values > 0, before));
                continue;
            }
            i++;
        }
    }

    private static (string Format, int Values) ReadBody(string s, ref int i, ref int line, bool interpolated, bool verbatim, List<Literal> found)
    {
        var format = new StringBuilder();
        var values = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '"')
            {
                if (verbatim && At(s, i + 1) == '"') { format.Append('"'); i += 2; continue; }
                i++;
                break;
            }
            if (c == '\n') line++;
            if (c == '\\' && !verbatim)
            {
                var e = At(s, i + 1);
                format.Append(e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', _ => e });
                i += 2;
                continue;
            }
            if (interpolated && c == '{')
            {
                if (At(s, i + 1) == '{') { format.Append("{{"); i += 2; continue; }
                i++;
                var holeStart = i;
                Scan(s, ref i, ref line, found, stopAtBrace: true);
                var hole = s[holeStart..i];
                i++; // the closing brace
                format.Append('{').Append(values++.ToString(CultureInfo.InvariantCulture)).Append(Specifier(hole)).Append('}');
                continue;
            }
            if (interpolated && c == '}' && At(s, i + 1) == '}') { format.Append("}}"); i += 2; continue; }
            format.Append(c);
            i++;
        }
        return (format.ToString(), values);
    }

    /// <summary>The ":format" of a hole, if any: after the first colon outside parentheses, brackets and strings.</summary>
    private static string Specifier(string hole)
    {
        var depth = 0;
        for (var k = 0; k < hole.Length; k++)
        {
            var c = hole[k];
            if (c == '"') { k++; while (k < hole.Length && hole[k] != '"') k += hole[k] == '\\' ? 2 : 1; continue; }
            if (c is '(' or '[') depth++;
            else if (c is ')' or ']') depth--;
            else if (c == ':' && depth == 0 && !(k + 1 < hole.Length && hole[k + 1] == ':')) return hole[k..];
        }
        return "";
    }

    private static void SkipRaw(string s, ref int i, ref int line)
    {
        var quotes = 0;
        while (At(s, i) == '"') { quotes++; i++; }
        var close = new string('"', quotes);
        var end = s.IndexOf(close, i, StringComparison.Ordinal);
        end = end < 0 ? s.Length : end + quotes;
        line += s[i..end].Count(ch => ch == '\n');
        i = end;
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';
}
