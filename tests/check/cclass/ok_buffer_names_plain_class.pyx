# In a plain class `__getbuffer__` is an ordinary method name, in Cython too.
# expected-no-diagnostics


class NotAnExporter:
    def __getbuffer__(self, buffer, flags):
        return (buffer, flags)

    def __releasebuffer__(self, buffer):
        return buffer
