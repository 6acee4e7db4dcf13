using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Kapi.Analyzers.Tests.Infrastructure;
using Kapi.Diagnostics;
using Xunit;

namespace Kapi.Analyzers.Tests;

/// <summary>
/// Every link in the repository's documentation resolves inside the repository, and every diagnostic's help link is
/// the build's help-link base (KapiHelpLinkBase) followed by its page.
/// </summary>
public sealed class DocumentationLinkTests
{
    private static readonly Regex s_link = new(@"\]\(([^)\s]+)\)", RegexOptions.Compiled);

    public static TheoryData<string> Pages()
    {
        var root = TestReferences.RepositoryRoot;
        var data = new TheoryData<string>();
        data.Add("README.md");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
        }
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src"), "README.md", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Relative_links_resolve_to_files_of_the_repository(string page)
    {
        var root = Path.GetFullPath(TestReferences.RepositoryRoot);
        var path = Path.Combine(root, page);
        var broken = new List<string>();
        foreach (Match m in s_link.Matches(File.ReadAllText(path)))
        {
            string target = m.Groups[1].Value;
            if (target.StartsWith("http://", StringComparison.Ordinal) || target.StartsWith("https://", StringComparison.Ordinal) || target.StartsWith("#", StringComparison.Ordinal)) continue;
            string file = target.Split('#')[0];
            var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, file));
            if (!resolved.StartsWith(root, StringComparison.Ordinal)) broken.Add(target + " (outside the repository)");
            else if (!File.Exists(resolved) && !Directory.Exists(resolved)) broken.Add(target + " (missing)");
        }
        Assert.True(broken.Count == 0, page + ": " + string.Join(", ", broken));
    }

    [Fact]
    public void Documentation_pages_cite_no_file_outside_the_repository()
    {
        var root = TestReferences.RepositoryRoot;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.False(text.Contains("shared/docs/", StringComparison.Ordinal), file + " cites a file of ../shared/docs");
        }
    }

    [Fact]
    public void Help_links_are_the_build_base_and_the_rule_page()
    {
        Assert.EndsWith("/", HelpLinks.Base, StringComparison.Ordinal);
        foreach (var rule in KapiDiagnostics.All) Assert.Equal(HelpLinks.Base + rule.Id + ".md", rule.HelpLink);
        foreach (var rule in KapiDescriptors.UsageRules) Assert.Equal(HelpLinks.Base + rule.Id + ".md", rule.HelpLinkUri);
        foreach (var rule in KapiSpecDescriptors.All) Assert.Equal(HelpLinks.Base + rule.Id + ".md", rule.HelpLinkUri);
    }
}
