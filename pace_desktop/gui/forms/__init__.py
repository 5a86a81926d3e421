"""Decision forms on screen: the generic form view and the meeting editor built on it."""
