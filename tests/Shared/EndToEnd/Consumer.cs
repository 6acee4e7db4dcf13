using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Kapi.Testing.EndToEnd;

/// <summary>
/// A fresh consumer project in its own folder below <see cref="KapiPackages.ConsumersRoot"/>: it references only the
/// package `Kapi` by id and version (from the temporary feed), like a user's project.
/// </summary>
public sealed class Consumer
{
    private readonly KapiPackages _packages;
    private readonly ITestOutputHelper _log;

    public Consumer(KapiPackages packages, ITestOutputHelper log, string name)
    {
        _packages = packages;
        _log = log;
        Directory = Path.Combine(packages.ConsumersRoot, name);
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string PathOf(string relative) => Path.Combine(Directory, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Writes {name}.csproj: an SDK project with a single PackageReference to Kapi.</summary>
    public Consumer Project(string name, string properties = "", string items = "", string targetFramework = "net10.0", string outputType = "Exe")
    {
        string tfm = targetFramework.Contains(';', StringComparison.Ordinal)
            ? $"<TargetFrameworks>{targetFramework}</TargetFrameworks>"
            : $"<TargetFramework>{targetFramework}</TargetFramework>";
        return File(name + ".csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                {tfm}
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Kapi" Version="{_packages.Version}" />
              </ItemGroup>
              <ItemGroup>
                {items}
              </ItemGroup>
            </Project>
            """);
    }

    public Consumer File(string relative, string text)
    {
        var path = PathOf(relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal));
        return this;
    }

    /// <summary>Copies a spec from the repository's kapi/ folder.</summary>
    public Consumer Spec(string repoRelative, string relative)
    {
        var path = PathOf(relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.Copy(_packages.RepoPath(repoRelative), path, overwrite: true);
        return this;
    }

    public string Read(string relative) => System.IO.File.ReadAllText(PathOf(relative));

    /// <summary>Runs `dotnet …` in the consumer folder (isolated NuGet packages folder), logging the output.</summary>
    public ProcessResult DotNet(params string[] arguments) => DotNetIn(Directory, arguments);

    public ProcessResult DotNetIn(string workingDirectory, params string[] arguments)
    {
        var timeout = arguments.Length > 0 && arguments[0] == "run" ? KapiPackages.BuildTimeout + KapiPackages.RunTimeout : KapiPackages.BuildTimeout;
        var result = ProcessRunner.Run("dotnet", workingDirectory, _packages.ConsumerEnvironment, timeout, arguments);
        _log.WriteLine(result.ToString());
        return result;
    }

    /// <summary>`dotnet msbuild -getItem:…` parsed: item type → items (identity plus metadata).</summary>
    public Dictionary<string, List<Dictionary<string, string>>> GetItems(string? project, params string[] itemTypes)
    {
        var arguments = new List<string> { "msbuild" };
        if (project is not null) arguments.Add(project);
        arguments.AddRange(itemTypes.Select(t => "-getItem:" + t));
        var result = DotNet(arguments.ToArray());
        Check.Succeeded(result);
        int start = result.Output.IndexOf('{', StringComparison.Ordinal);
        if (start < 0) throw new XunitException("no JSON in the output of\n" + result);
        using var json = JsonDocument.Parse(result.Output[start..]);
        var items = new Dictionary<string, List<Dictionary<string, string>>>(StringComparer.Ordinal);
        foreach (var type in itemTypes) items[type] = new List<Dictionary<string, string>>();
        if (json.RootElement.TryGetProperty("Items", out var all))
        {
            foreach (var type in all.EnumerateObject())
            {
                items[type.Name] = type.Value.EnumerateArray()
                    .Select(e => e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal))
                    .ToList();
            }
        }
        return items;
    }

    /// <summary>The files the generator wrote (EmitCompilerGeneratedFiles=true), relative to its output folder.</summary>
    public IReadOnlyList<string> GeneratedFiles(string targetFramework = "net10.0")
    {
        var dir = PathOf($"obj/Debug/{targetFramework}/generated/Kapi.Generators/Kapi.Generators.KapiGenerator");
        return System.IO.Directory.Exists(dir)
            ? System.IO.Directory.GetFiles(dir).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToList()!
            : Array.Empty<string>();
    }

    /// <summary>1-based line and column of the first occurrence of <paramref name="text"/> in a file of the project.</summary>
    public (int Line, int Column) Locate(string relative, string text)
    {
        var lines = Read(relative).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int column = lines[i].IndexOf(text, StringComparison.Ordinal);
            if (column >= 0) return (i + 1, column + 1);
        }
        throw new XunitException($"'{text}' not found in {relative}");
    }
}

/// <summary>Assertions on child process results that print the whole output when they fail.</summary>
public static class Check
{
    public static void Succeeded(ProcessResult result)
    {
        if (result.ExitCode != 0) throw new XunitException("expected exit code 0:\n" + result);
    }

    public static void Failed(ProcessResult result, int? exitCode = null)
    {
        if (exitCode is { } expected ? result.ExitCode != expected : result.ExitCode == 0)
        {
            throw new XunitException($"expected exit code {(exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "!= 0")}:\n" + result);
        }
    }

    public static void Contains(string expected, ProcessResult result)
    {
        if (!result.Output.Contains(expected, StringComparison.Ordinal))
        {
            throw new XunitException($"expected the output to contain:\n  {expected}\n" + result);
        }
    }

    public static void DoesNotContain(string unexpected, ProcessResult result)
    {
        if (result.Output.Contains(unexpected, StringComparison.Ordinal))
        {
            throw new XunitException($"expected the output not to contain:\n  {unexpected}\n" + result);
        }
    }
}
