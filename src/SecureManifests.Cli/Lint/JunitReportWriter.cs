using System.Globalization;
using System.Text;
using System.Xml;
using SecureManifests.Rules;
using SecureManifests.Validation;

namespace SecureManifests.Cli.Lint;

/// <summary>
/// JUnit XML as GitLab and Jenkins read it (valid against the Jenkins xUnit plugin's junit-10.xsd): a
/// <c>testsuite</c> per object, named <c>Kind/namespace/name</c>, with a <c>testcase</c> per rule checked on it, so
/// passing checks count too. A rule with findings that fail the run (at or above <c>--fail-on</c>) is a
/// <c>failure</c> listing each as <c>file:line:col: severity ID: message</c>; one with lower findings only passes and
/// lists them in <c>system-out</c>; one with only suppressed or baselined findings is <c>skipped</c>. Unreadable input
/// is a last suite of <c>error</c> cases. No times, timestamps or host names: the same input gives the same bytes.
/// The header's counts are known only at the end, and an object's cross-object findings come after every object, so
/// the records are spooled to two temporary files (objects with their own findings; cross-object findings, in object
/// order) and merged object by object when the report is written: memory holds one object's findings at a time.
/// </summary>
internal sealed class JunitReportWriter(TextWriter output) : LintReportWriter
{
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private static readonly XmlWriterSettings Settings = new()
    {
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        OmitXmlDeclaration = true,
    };

    private readonly Spool _objects = new();
    private readonly Spool _crossObject = new();
    private IReadOnlyList<RuleDescriptor> _rules = [];
    private RuleSeverity _failOn;
    private int _lastObject = -1;

    /// <inheritdoc />
    public override void Start(IReadOnlyList<RuleDescriptor> enabledRules) => _rules = enabledRules;

    /// <inheritdoc />
    public override void AddObject(LintObject lintObject)
    {
        _lastObject = lintObject.Index;
        var w = _objects.Writer;
        w.Write(true);
        w.Write(lintObject.Index);
        w.Write(lintObject.File);
        w.Write(PrintableText.Escape(lintObject.DisplayName));
    }

    /// <inheritdoc />
    public override void Write(LocatedFinding f)
    {
        // The latest object's findings follow it in the object spool, whichever check found them; the others' come
        // from the cross-object checks, in object order.
        var w = f.Finding.ObjectIndex == _lastObject ? _objects.Writer : _crossObject.Writer;
        w.Write(false);
        w.Write(f.Finding.ObjectIndex);
        w.Write(f.Finding.RuleId);
        w.Write((int)f.Finding.Severity);
        w.Write(f.Finding.IsSuppressed ? "suppressed: " + f.Finding.WaiverReason : f.IsBaselined ? "baselined" : string.Empty);
        w.Write(PrintableText.Escape(f.Finding.Message));
        w.Write(string.Create(CultureInfo.InvariantCulture, $"{PrintableText.Escape(f.File)}:{f.Line}:{f.Column}: {f.SeverityName} {f.Finding.RuleId}: {PrintableText.Escape(f.Finding.Message)}"));
    }

    /// <inheritdoc />
    public override void Finish(LintSummary summary)
    {
        _failOn = summary.FailOn;
        var totals = new Counts();
        Merge(group => totals.Add(Tally(group)));
        totals.Errors = summary.Problems.Count;
        totals.Tests += summary.Problems.Count;

        output.Write(Declaration);
        output.Write('\n');
        using (var xml = XmlWriter.Create(output, Settings))
        {
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", ToolInfo.Name);
            WriteCounts(xml, totals, withSkipped: false);
            Merge(group => WriteSuite(xml, group));
            WriteProblems(xml, summary.Problems);
            xml.WriteEndElement();
        }

        output.Write('\n');
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _objects.Dispose();
            _crossObject.Dispose();
        }

        base.Dispose(disposing);
    }

    private static void WriteCounts(XmlWriter xml, Counts counts, bool withSkipped)
    {
        xml.WriteAttributeString("tests", counts.Tests.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", counts.Failures.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", counts.Errors.ToString(CultureInfo.InvariantCulture));
        if (withSkipped)
        {
            xml.WriteAttributeString("skipped", counts.Skipped.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void WriteProblems(XmlWriter xml, List<InputProblem> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }

        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", "unreadable input");
        WriteCounts(xml, new Counts { Tests = problems.Count, Errors = problems.Count }, withSkipped: true);
        foreach (var problem in problems)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{PrintableText.Escape(problem.File)}:{problem.Line}:{problem.Column}");
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("name", at);
            xml.WriteAttributeString("classname", "input");
            xml.WriteStartElement("error");
            xml.WriteAttributeString("type", "unreadable input");
            xml.WriteAttributeString("message", PrintableText.Escape(problem.Message));
            xml.WriteString(problem.ToString());
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private Counts Tally(ObjectGroup group)
    {
        var counts = new Counts { Tests = _rules.Count };
        foreach (var rule in _rules)
        {
            switch (Outcome(group, rule.Id))
            {
                case CaseOutcome.Failed:
                    counts.Failures++;
                    break;
                case CaseOutcome.Skipped:
                    counts.Skipped++;
                    break;
            }
        }

        return counts;
    }

    private CaseOutcome Outcome(ObjectGroup group, string ruleId)
    {
        var findings = group.Findings.Where(f => f.RuleId == ruleId).ToList();
        return findings.Any(f => f.Quiet.Length == 0 && (RuleSeverity)f.Severity <= _failOn) ? CaseOutcome.Failed
            : findings.Count > 0 && findings.All(f => f.Quiet.Length > 0) ? CaseOutcome.Skipped
            : CaseOutcome.Passed;
    }

    private void WriteSuite(XmlWriter xml, ObjectGroup group)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", group.Name);
        WriteCounts(xml, Tally(group), withSkipped: true);
        xml.WriteAttributeString("file", group.File);
        foreach (var rule in _rules)
        {
            var findings = group.Findings.Where(f => f.RuleId == rule.Id).ToList();
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("name", rule.Id + " " + rule.Name);
            xml.WriteAttributeString("classname", group.Name);
            switch (Outcome(group, rule.Id))
            {
                case CaseOutcome.Failed:
                    var failing = findings.Where(f => f.Quiet.Length == 0 && (RuleSeverity)f.Severity <= _failOn).ToList();
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("type", rule.Id);
                    xml.WriteAttributeString("message", failing[0].Message);
                    xml.WriteString(Lines(failing));
                    xml.WriteEndElement();
                    break;
                case CaseOutcome.Skipped:
                    xml.WriteStartElement("skipped");
                    xml.WriteAttributeString("message", findings[0].Quiet);
                    xml.WriteEndElement();
                    break;
                default:
                    var below = findings.Where(f => f.Quiet.Length == 0).ToList();
                    if (below.Count > 0)
                    {
                        xml.WriteElementString("system-out", Lines(below));
                    }

                    break;
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static string Lines(List<FindingRecord> findings)
    {
        var text = new StringBuilder();
        foreach (var f in findings)
        {
            text.Append(f.Line).Append('\n');
        }

        return text.ToString();
    }

    // Replays the spools object by object, each with all of its findings: its own, then its cross-object ones.
    private void Merge(Action<ObjectGroup> visit)
    {
        var objects = _objects.Rewind();
        var crossObject = _crossObject.Rewind();
        var next = ReadFinding(crossObject);
        ObjectGroup? current = null;
        while (objects.BaseStream.Position < objects.BaseStream.Length)
        {
            if (objects.ReadBoolean())
            {
                Close();
                current = new ObjectGroup(objects.ReadInt32(), objects.ReadString(), objects.ReadString());
            }
            else
            {
                current!.Findings.Add(ReadFindingBody(objects));
            }
        }

        Close();

        void Close()
        {
            if (current is null)
            {
                return;
            }

            while (next is not null && next.Index == current.Index)
            {
                current.Findings.Add(next);
                next = ReadFinding(crossObject);
            }

            visit(current);
        }
    }

    private static FindingRecord? ReadFinding(BinaryReader reader)
    {
        if (reader.BaseStream.Position >= reader.BaseStream.Length)
        {
            return null;
        }

        reader.ReadBoolean();
        return ReadFindingBody(reader);
    }

    private static FindingRecord ReadFindingBody(BinaryReader reader) =>
        new(reader.ReadInt32(), reader.ReadString(), reader.ReadInt32(), reader.ReadString(), reader.ReadString(), reader.ReadString());

    private enum CaseOutcome
    {
        Passed,
        Failed,
        Skipped,
    }

    private sealed record FindingRecord(int Index, string RuleId, int Severity, string Quiet, string Message, string Line);

    private sealed record ObjectGroup(int Index, string File, string Name)
    {
        public List<FindingRecord> Findings { get; } = [];
    }

    private sealed class Counts
    {
        public int Tests { get; set; }

        public int Failures { get; set; }

        public int Errors { get; set; }

        public int Skipped { get; set; }

        public void Add(Counts other)
        {
            Tests += other.Tests;
            Failures += other.Failures;
            Errors += other.Errors;
            Skipped += other.Skipped;
        }
    }

    /// <summary>A temporary file of records, removed when closed.</summary>
    private sealed class Spool : IDisposable
    {
        private FileStream? _stream;
        private BinaryWriter? _writer;
        private BinaryReader? _reader;

        public BinaryWriter Writer => _writer ??= new BinaryWriter(Stream, Encoding.UTF8, leaveOpen: true);

        private FileStream Stream => _stream ??= new FileStream(
            Path.Combine(Path.GetTempPath(), "secure-manifests-junit-" + Guid.NewGuid().ToString("N")),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);

        public BinaryReader Rewind()
        {
            Writer.Flush();
            Stream.Position = 0;
            return _reader ??= new BinaryReader(Stream, Encoding.UTF8, leaveOpen: true);
        }

        public void Dispose()
        {
            _writer?.Dispose();
            _reader?.Dispose();
            _stream?.Dispose();
        }
    }
}
