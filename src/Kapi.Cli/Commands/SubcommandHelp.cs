using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text;

namespace Kapi.Cli.Commands;

/// <summary>
/// <c>--help</c> for the subcommands (<c>kapi check --help</c>, <c>kapi conform --help</c>): their own description,
/// usage, arguments and options only. System.CommandLine's default help puts the root command's positional argument
/// (<c>API_NAME</c>, the spec <c>kapi --source … NAME</c> prints) into every subcommand's usage and argument list, so
/// <c>kapi conform --help</c> showed <c>&lt;API_NAME&gt;</c> twice, once with the root's meaning. The root's help stays
/// the default one.
/// </summary>
internal sealed class SubcommandHelp : SynchronousCommandLineAction
{
    private const int Width = 100;

    private readonly HelpAction _default;

    public SubcommandHelp(HelpAction defaultAction) => _default = defaultAction;

    /// <summary>Replaces the help option's action of <paramref name="root"/> (the option is recursive: one for all).</summary>
    public static void Install(RootCommand root)
    {
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction action) help.Action = new SubcommandHelp(action);
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        if (command is RootCommand) return _default.Invoke(parseResult);
        parseResult.InvocationConfiguration.Output.Write(Format(command));
        return 0;
    }

    /// <summary>The help text of a subcommand.</summary>
    internal static string Format(Command command)
    {
        var sb = new StringBuilder();
        sb.Append("Description:\n");
        foreach (var line in Wrap(command.Description ?? string.Empty, Width - 2)) sb.Append("  ").Append(line).Append('\n');
        sb.Append('\n');

        var arguments = command.Arguments.Where(a => !a.Hidden).ToList();
        var options = command.Options.Where(o => !o.Hidden).ToList();
        sb.Append("Usage:\n  ").Append(string.Join(" ", Path(command).Concat(arguments.Select(Usage)))).Append(" [options]\n\n");

        if (arguments.Count > 0)
        {
            sb.Append("Arguments:\n");
            Rows(sb, arguments.Select(a => ("<" + a.Name + ">", a.Description ?? string.Empty)).ToList());
            sb.Append('\n');
        }

        var rows = options.Select(o => (OptionLabel(o), o.Description ?? string.Empty)).ToList();
        rows.Add(("-?, -h, --help", "Show help and usage information"));
        sb.Append("Options:\n");
        Rows(sb, rows);
        return sb.ToString();
    }

    /// <summary><c>kapi check</c>: the command names from the root down (no arguments of the parents).</summary>
    private static IEnumerable<string> Path(Command command)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command c; s = c.Parents.FirstOrDefault())
        {
            names.Add(c is RootCommand ? "kapi" : c.Name);
        }
        names.Reverse();
        return names;
    }

    private static string Usage(Argument argument)
    {
        string name = "<" + argument.Name + ">";
        if (argument.Arity.MaximumNumberOfValues > 1) name += "...";
        return argument.Arity.MinimumNumberOfValues == 0 ? "[" + name + "]" : name;
    }

    private static string OptionLabel(Option option)
    {
        var names = option.Aliases.Append(option.Name).Distinct(StringComparer.Ordinal).OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal);
        string label = string.Join(", ", names);
        return option.Arity.MaximumNumberOfValues > 0 && option.ValueType != typeof(bool) ? label + " <" + (option.HelpName ?? option.Name.TrimStart('-').ToUpperInvariant()) + ">" : label;
    }

    /// <summary>Two columns: the first padded to the widest, the second wrapped beside it.</summary>
    private static void Rows(StringBuilder sb, IReadOnlyList<(string Left, string Right)> rows)
    {
        int left = rows.Max(r => r.Left.Length);
        foreach (var (l, r) in rows)
        {
            var lines = Wrap(r, Math.Max(20, Width - left - 4)).ToList();
            sb.Append("  ").Append(l.PadRight(left)).Append("  ").Append(lines.FirstOrDefault() ?? string.Empty).Append('\n');
            foreach (var more in lines.Skip(1)) sb.Append(' ', left + 4).Append(more).Append('\n');
        }
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) yield return line.ToString();
    }
}
