"""Live collaboration: the room server and the client that joins it (Yjs sync over WebSocket); no Qt."""
