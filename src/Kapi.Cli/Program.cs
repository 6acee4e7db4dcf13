namespace Kapi.Cli;

internal static class Program
{
    public static int Main(string[] args) => KapiCli.Run(args, Console.Out, Console.Error);
}
