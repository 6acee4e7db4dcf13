using System.CommandLine;
using System.IO;
using Kapi.Cli.Commands;

namespace Kapi.Cli;

/// <summary>
/// The <c>kapi</c> command line. <see cref="Run"/> is the whole program (Main only binds the console), so tests run
/// it in-process with their own writers.
/// </summary>
public static class KapiCli
{
    /// <summary>Runs the CLI. Never throws: any unexpected exception is reported on stderr with exit code 1.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var root = BuildRootCommand(stdout, stderr);
            var result = root.Parse(args ?? Array.Empty<string>());
            return result.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e)
        {
            try
            {
                stderr.Write($"kapi: internal error: {e.GetType().Name}: {e.Message}\n");
                if (Environment.GetEnvironmentVariable("KAPI_DEBUG") == "1") stderr.Write(e + "\n");
            }
            catch (Exception)
            {
                // stderr itself is broken (closed pipe); nothing left to report to.
            }
            return 1;
        }
    }

    private static RootCommand BuildRootCommand(TextWriter stdout, TextWriter stderr)
    {
        var source = new Option<string>("--source")
        {
            Description = "A spec file, or a directory walked recursively for .kapi, .c and .h files",
            HelpName = "PATH",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: plain, json or rst",
            DefaultValueFactory = _ => "plain",
            HelpName = "plain|json|rst",
        };
        format.Validators.Add(r =>
        {
            var v = r.GetValueOrDefault<string>();
            if (ParseFormat(v) is null) r.AddError($"Unknown output format '{v}': expected plain, json or rst.");
        });
        var arch = new Option<string>("--arch")
        {
            Description = "Architecture whose constant values are printed, as .NET runtime identifiers name it: "
                + string.Join(", ", KapiArchitectures.All.Select(a => a.RidName()))
                + $" (default: this machine's, {KapiArchitectures.Current.RidName()})",
            HelpName = "ARCH",
        };
        arch.Validators.Add(r =>
        {
            var v = r.GetValueOrDefault<string>();
            if (!KapiArchitectures.TryParse(v, out _))
            {
                r.AddError($"Unknown architecture '{v}': expected one of {string.Join(", ", KapiArchitectures.All.Select(a => a.RidName()))}.");
            }
        });
        var apiName = new Argument<string?>("API_NAME")
        {
            Description = "Show the full spec of this API (for example sys_mlockall); without it, list every spec",
            Arity = ArgumentArity.ZeroOrOne,
        };

        var root = new RootCommand("kapi: list, print and check Linux kernel API specifications (KAPI C-macro syntax).")
        {
            source, format, arch, apiName,
        };
        root.SetAction(parse =>
        {
            var path = parse.GetValue(source);
            if (string.IsNullOrEmpty(path))
            {
                stderr.Write("kapi: no input: give --source PATH (a spec file or a directory); see kapi --help.\n"
                    + "      (The upstream tool's --vmlinux and --debugfs inputs are not supported.)\n");
                return 1;
            }
            var fmt = ParseFormat(parse.GetValue(format)) ?? OutputFormat.Plain;
            var a = parse.GetValue(arch) is { } archName && KapiArchitectures.TryParse(archName, out var parsed)
                ? parsed
                : KapiArchitectures.Current;
            return ShowCommand.Execute(path!, fmt, a, parse.GetValue(apiName), stdout, stderr);
        });

        // ---- kapi check PATH… ----
        var checkPaths = new Argument<string[]>("PATH")
        {
            Description = "Spec files, or directories walked recursively for .kapi, .c and .h files",
            Arity = ArgumentArity.OneOrMore,
        };
        var check = new Command("check", "Lint spec files: print every error and warning, exit 1 when any error was found.")
        {
            checkPaths,
        };
        check.SetAction(parse => CheckCommand.Execute(parse.GetValue(checkPaths) ?? Array.Empty<string>(), stdout));
        root.Subcommands.Add(check);

        // ---- kapi conform [API_NAME] ----
        var conformApi = new Argument<string?>("API_NAME")
        {
            Description = "Only this spec (sys_mlockall or mlockall); default: every spec of the built-in library (or of --source)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var child = new Option<string[]>("--child")
        {
            Description = "Internal: run one case in this process (API PARAMETER VALUE) and print errno=N",
            Arity = new ArgumentArity(3, 3),
            AllowMultipleArgumentsPerToken = true,
            Hidden = true,
        };
        var conformSource = new Option<string>("--source")
        {
            Description = "Take the specs from this file or directory (any form: .kapi, .kdoc, .c, .h) instead of the built-in library; they are run through the built-in library's fixtures",
            HelpName = "PATH",
        };
        var conform = new Command("conform", "Call the running kernel with boundary values derived from each spec's mask, enum and range constraints and compare its answers with the spec (syscall, case, expected, actual, verdict); exit 1 on any disagreement.")
        {
            conformApi, conformSource, child,
        };
        conform.SetAction(parse => ConformCommand.Execute(parse.GetValue(conformApi), parse.GetValue(conformSource), parse.GetValue(child), stdout, stderr));
        root.Subcommands.Add(conform);

        // Subcommand help lists the subcommand's own arguments only (not the root's API_NAME).
        SubcommandHelp.Install(root);
        return root;
    }

    internal static OutputFormat? ParseFormat(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "plain" => OutputFormat.Plain,
        "json" => OutputFormat.Json,
        "rst" => OutputFormat.Rst,
        _ => null,
    };
}
