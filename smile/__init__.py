"""SMILE: strategic mentorship for inclusion, learning and equality."""
