using k8s;
using SecureManifests.Rules;

namespace SecureManifests.Tests.Rules;

/// <summary>
/// Runs objects through <see cref="RuleEngine.StartEvaluation"/> one at a time, as lint streams them, and checks what
/// a streaming caller relies on: every cross-object finding is at a field its object announced when it was added
/// (lint remembers only those positions), and those findings come in object order.
/// </summary>
internal static class StreamingEvaluation
{
    public static void AssertAnnouncesWhereItReports(string name, IReadOnlyList<IKubernetesObject> objects, RuleEngineOptions options)
    {
        var evaluation = new RuleEngine().StartEvaluation(options);
        var announced = objects.Select(o => evaluation.Add(o).PendingPaths).ToList();

        var previous = -1;
        foreach (var finding in evaluation.Complete())
        {
            Assert.True(announced[finding.ObjectIndex].Contains(finding.Path),
                $"{name}: {finding.RuleId} reported object {finding.ObjectIndex} at {finding.Path}, but it announced only " +
                $"[{string.Join(", ", announced[finding.ObjectIndex])}]");
            Assert.True(finding.ObjectIndex >= previous, $"{name}: cross-object findings out of object order at {finding}");
            previous = finding.ObjectIndex;
        }
    }
}
