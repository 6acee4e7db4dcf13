using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Kapi.Analyzers.Tests.Infrastructure;
using Kapi.Diagnostics;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Kapi.Analyzers.Tests;

/// <summary>Descriptors, release tracking and docs stay in step with the front end's catalog.</summary>
public class DescriptorTests
{
    private static string Docs => Path.Combine(TestReferences.RepositoryRoot, "docs", "diagnostics");

    public static TheoryData<string> AllIds => new(KapiDiagnostics.All.Select(d => d.Id).Concat(KapiDescriptors.UsageRules.Select(d => d.Id)));

    [Fact]
    public void Spec_descriptors_mirror_the_catalog()
    {
        Assert.Equal(KapiDiagnostics.All.Select(d => d.Id), KapiSpecDescriptors.All.Select(d => d.Id));
        foreach (var (rule, descriptor) in KapiDiagnostics.All.Zip(KapiSpecDescriptors.All))
        {
            Assert.Equal(rule.Title, descriptor.Title.ToString());
            Assert.Equal(rule.Description, descriptor.Description.ToString());
            Assert.Equal(KapiDescriptors.ToRoslyn(rule.DefaultSeverity), descriptor.DefaultSeverity);
            Assert.Equal(rule.HelpLink, descriptor.HelpLinkUri);
            Assert.Equal(KapiDescriptors.SpecCategory, descriptor.Category);
        }
    }

    [Fact]
    public void Usage_descriptors_are_complete_and_configurable()
    {
        var all = KapiDescriptors.UsageRules.Concat(KapiSpecDescriptors.All).ToList();
        Assert.Equal(all.Count, all.Select(d => d.Id).Distinct().Count());
        foreach (var d in all)
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Title.ToString()), d.Id);
            Assert.False(string.IsNullOrWhiteSpace(d.MessageFormat.ToString()), d.Id);
            Assert.False(string.IsNullOrWhiteSpace(d.Description.ToString()), d.Id);
            Assert.Equal($"https://github.com/kapi-dotnet/kapi/blob/main/docs/diagnostics/{d.Id}.md", d.HelpLinkUri);
            Assert.True(d.IsEnabledByDefault, d.Id);
            Assert.DoesNotContain(WellKnownDiagnosticTags.NotConfigurable, d.CustomTags);
        }
        foreach (var d in KapiDescriptors.UsageRules) Assert.Equal(KapiDescriptors.UsageCategory, d.Category);
        Assert.Equal(DiagnosticSeverity.Warning, KapiDescriptors.InvalidFlagBits.DefaultSeverity);
        Assert.Equal(DiagnosticSeverity.Warning, KapiDescriptors.RejectedFlagValue.DefaultSeverity);
        Assert.Equal(DiagnosticSeverity.Info, KapiDescriptors.ArchitectureDependentFlagValue.DefaultSeverity);
        Assert.Equal(DiagnosticSeverity.Hidden, KapiDescriptors.UnprovableFlagValue.DefaultSeverity);
        Assert.Equal(DiagnosticSeverity.Warning, KapiDescriptors.ForeignFlagConstant.DefaultSeverity);
    }

    [Fact]
    public void Unshipped_release_lists_every_rule_with_category_and_severity()
    {
        var text = File.ReadAllText(Path.Combine(TestReferences.RepositoryRoot, "src", "Kapi.Analyzers", "AnalyzerReleases.Unshipped.md"));
        var rows = Regex.Matches(text, @"^(KAPI\d{4})\s*\|\s*([\w.]+)\s*\|\s*(\w+)\s*\|", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => (Category: m.Groups[2].Value, Severity: m.Groups[3].Value));
        foreach (var d in KapiDescriptors.UsageRules.Concat(KapiSpecDescriptors.All))
        {
            Assert.True(rows.TryGetValue(d.Id, out var row), d.Id + " is missing from AnalyzerReleases.Unshipped.md");
            Assert.Equal(d.Category, row.Category);
            Assert.Equal(d.DefaultSeverity.ToString(), row.Severity);
        }
        Assert.Equal(KapiDescriptors.UsageRules.Length + KapiSpecDescriptors.All.Length, rows.Count);
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Every_rule_has_a_docs_page(string id)
    {
        var path = Path.Combine(Docs, id + ".md");
        Assert.True(File.Exists(path), path);
        var text = File.ReadAllText(path);
        Assert.StartsWith($"# {id}: ", text, StringComparison.Ordinal);
        foreach (var section in new[] { "## What it means", "## Example", "## How to fix", "## Configure the severity" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }
        Assert.Contains($"dotnet_diagnostic.{id}.severity", text, StringComparison.Ordinal);
        Assert.Contains($"[{id}]({id}.md)", File.ReadAllText(Path.Combine(Docs, "README.md")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SpecIds))]
    public void Spec_rule_examples_trigger_their_rule(string id)
    {
        var text = File.ReadAllText(Path.Combine(Docs, id + ".md"));
        var example = Regex.Match(text, "```kapi\n(.*?)```", RegexOptions.Singleline);
        if (!example.Success)
        {
            // rules whose example cannot be a short file (size, nesting limits) or that the front end does not report yet
            Assert.Contains(id, new[] { "KAPI0005", "KAPI0110", "KAPI0202" });
            return;
        }
        var model = KapiDocument.Bind(example.Groups[1].Value, "example.kapi");
        Assert.Contains(id, model.Diagnostics.Select(d => d.Id));
    }

    public static TheoryData<string> SpecIds => new(KapiDiagnostics.All.Select(d => d.Id));
}
