print("placeholder: this benchmark lands with its module")
