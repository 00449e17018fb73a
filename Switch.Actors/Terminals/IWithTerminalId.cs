namespace Switch.Actors.Terminals;

/// <summary>A message for a terminal entity; the shard message extractor routes by this id (field 41).</summary>
public interface IWithTerminalId
{
    string TerminalId { get; }
}
