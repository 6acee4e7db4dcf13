using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Kapi.Testing;

/// <summary>
/// xunit's test framework, plus one line per skip reason when a run starts: "Kapi.FrontEnd.Tests: 21 test methods are
/// skipped: The shared corpus is absent (…)". <c>dotnet test</c> at its default verbosity lists skipped tests by name
/// only ("[SKIP]"); this line says why. It is an xunit diagnostic message, which the VSTest adapter prints as a warning
/// (so at the default verbosity) when diagnostic messages are on: tests/Shared/kapi.runsettings turns them on for every
/// test project (Directory.Build.props), and Directory.Build.targets makes this class each test assembly's framework.
/// </summary>
public sealed class SkipReasonsFramework : XunitTestFramework
{
    public SkipReasonsFramework(IMessageSink messageSink)
        : base(messageSink)
    {
    }

    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName)
    {
        try
        {
            foreach (var line in SkipLines(Assembly.Load(assemblyName)))
            {
                DiagnosticMessageSink.OnMessage(new DiagnosticMessage(line));
            }
        }
        catch (Exception e) when (e is ReflectionTypeLoadException or System.IO.IOException or BadImageFormatException)
        {
            DiagnosticMessageSink.OnMessage(new DiagnosticMessage("could not list the skipped tests: " + e.Message));
        }
        return base.CreateExecutor(assemblyName);
    }

    /// <summary>"N test methods are skipped: reason", one per reason, for the facts and theories that carry a Skip.</summary>
    public static IEnumerable<string> SkipLines(Assembly assembly)
    {
        var skipped = assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => m.GetCustomAttributes<FactAttribute>(inherit: true).FirstOrDefault()?.Skip)
            .Where(reason => !string.IsNullOrEmpty(reason))
            .GroupBy(reason => reason!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in skipped)
        {
            int n = group.Count();
            yield return $"{n} test method{(n == 1 ? " is" : "s are")} skipped: {group.Key}";
        }
    }
}
