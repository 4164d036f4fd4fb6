#include "ElementaryReference.h"
