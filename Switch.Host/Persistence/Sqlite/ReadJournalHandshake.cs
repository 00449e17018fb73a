using System.Reflection;
using Akka.Persistence.Sql.Query;

namespace Switch.Host.Persistence.Sqlite;

/// <summary>
/// Akka.Persistence.Sql's read journal (the admin history's events-by-tag query) asks its write
/// journal <c>IsInitialized</c> when it starts and waits up to 5 s for <c>Initialized</c>; both are
/// internal to that package, so they are found by name. Found once at startup: if an upgrade renames
/// them, the journal fails to start with this message instead of the history failing later.
/// </summary>
internal static class ReadJournalHandshake
{
    private static readonly Assembly SqlAssembly = typeof(SqlReadJournal).Assembly;

    public static readonly Type Question = Find("Akka.Persistence.Sql.Utility.IsInitialized").Type;

    public static readonly object Answer = Find("Akka.Persistence.Sql.Utility.Initialized").Instance;

    private static (Type Type, object Instance) Find(string name)
    {
        var type = SqlAssembly.GetType(name, throwOnError: false);
        var instance = type?.GetField("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
        return type is not null && instance is not null
            ? (type, instance)
            : throw new InvalidOperationException($"{SqlAssembly.GetName()} has no {name}.Instance: the SQLite journal cannot answer its read journal's start-up check");
    }
}
