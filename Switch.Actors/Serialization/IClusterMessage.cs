namespace Switch.Actors.Serialization;

/// <summary>
/// A message that can cross nodes: one for a sharded entity (which may live on another node) or an
/// answer that travels back to where the request came from. Bound to
/// <see cref="ClusterMessageSerializer"/>, so none falls back to Akka's schemaless JSON serializer.
/// </summary>
public interface IClusterMessage;
